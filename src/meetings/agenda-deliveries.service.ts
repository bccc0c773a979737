import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { AgendaSnapshot } from './agenda-changes';
import { MeetingRequest } from './meeting-request.entity';

/**
 * The agenda emails as written (AgendaDelivery): what a participant was last sent, recorded as
 * each one is composed, to mark what changed in the next.
 */
@Injectable()
export class AgendaDeliveries {
  /**
   * The agenda the participant holds: the newest one written whose email went out, other than the
   * email being written now (a retry of it), if any. Null when none has reached them yet.
   */
  async lastReceived(
    manager: EntityManager,
    participantId: string,
    eventId: string,
    exceptOutboxMessageId: string | null = null,
  ): Promise<AgendaSnapshot | null> {
    const [row] = (await manager.query(
      `SELECT d.agenda FROM agenda_deliveries d
         JOIN outbox_messages m ON m.id = d.outbox_message_id
        WHERE d.participant_id = $1 AND d.event_id = $2 AND m.status = 'SENT'
          AND ($3::uuid IS NULL OR d.outbox_message_id <> $3)
        ORDER BY d.composed_at DESC
        LIMIT 1`,
      [participantId, eventId, exceptOutboxMessageId],
    )) as { agenda: AgendaSnapshot }[];
    return row?.agenda ?? null;
  }

  /** What the email of `outboxMessageId` lists; written again when the email is retried. */
  async record(
    manager: EntityManager,
    outboxMessageId: string,
    participantId: string,
    eventId: string,
    agenda: AgendaSnapshot,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO agenda_deliveries (outbox_message_id, participant_id, event_id, agenda)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (outbox_message_id) DO UPDATE SET agenda = excluded.agenda, composed_at = now()`,
      [outboxMessageId, participantId, eventId, JSON.stringify(agenda)],
    );
  }

  /** The other side of each agreed meeting, by request id, company loaded (one query). */
  async counterparts(
    manager: EntityManager,
    participantId: string,
    requestIds: string[],
  ): Promise<Map<string, Participant>> {
    if (requestIds.length === 0) return new Map();
    const requests = await manager.find(MeetingRequest, {
      where: { id: In(requestIds) },
      relations: { fromParticipant: { company: true }, toParticipant: { company: true } },
    });
    return new Map(
      requests.map((request) => [
        request.id,
        request.fromParticipantId === participantId ? request.toParticipant : request.fromParticipant,
      ]),
    );
  }
}
