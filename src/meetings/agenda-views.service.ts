import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionMode } from '../events/event-enums';
import { Participant } from '../participants/participant.entity';
import {
  agendaChanges,
  AgendaChanges,
  AgendaSnapshot,
  agendaSnapshot,
  agendaVersion,
} from './agenda-changes';
import { AgendaDeliveries } from './agenda-deliveries.service';
import { AgendaService, ParticipantAgenda } from './agenda.service';
import { MeetingErrors } from './meetings.errors';

/** A participant's agenda as myAgenda shows it, marked against the one they last saw. */
export interface AgendaReading extends ParticipantAgenda {
  eventId: string;
  /** Sent back to markAgendaSeen (agendaVersion). */
  version: string;
  /** What the marks are against: when they last marked it seen, or were first sent it. */
  since: Date | null;
  /** Null when there is nothing to compare with (no agenda sent or seen yet). */
  changes: AgendaChanges | null;
  /** The other side of each meeting gone since, by request id, company loaded. */
  removedCounterparts: Map<string, Participant>;
}

/**
 * What changed on a participant's agenda since they last looked (AgendaView). An email that went
 * out is not taken as read: until they mark the agenda seen, the marks are against the first
 * agenda they were sent, so someone who never opened the updates still sees every move on the day.
 */
@Injectable()
export class AgendaViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: AgendaService,
    private readonly deliveries: AgendaDeliveries,
  ) {}

  async read(participantId: string, eventId: string): Promise<AgendaReading> {
    const current = await this.agenda.agenda(participantId, eventId);
    const snapshot = snapshotOf(current);
    const baseline = await this.baseline(participantId, eventId);
    const changes = agendaChanges(baseline?.agenda ?? null, snapshot);
    return {
      ...current,
      eventId,
      version: agendaVersion(snapshot),
      since: baseline?.since ?? null,
      changes,
      removedCounterparts: await this.deliveries.counterparts(
        this.dataSource.manager,
        participantId,
        changes?.removed.map((entry) => entry.requestId) ?? [],
      ),
    };
  }

  /**
   * Records the agenda of `version` as seen. Refused when it has changed since the reader was
   * shown it: they would otherwise never see that change marked.
   */
  async markSeen(participantId: string, eventId: string, version: string): Promise<AgendaReading> {
    const [event]: unknown[] = await this.dataSource.query(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    if (!event) throw MeetingErrors.agendaEventNotFound(eventId);
    const current = await this.agenda.agenda(participantId, eventId);
    const snapshot = snapshotOf(current);
    if (agendaVersion(snapshot) !== version) throw MeetingErrors.agendaChangedSinceRead();
    const [{ seen_at: since }]: { seen_at: Date }[] = await this.dataSource.query(
      `INSERT INTO agenda_views (participant_id, event_id, agenda, seen_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (participant_id, event_id) DO UPDATE SET agenda = excluded.agenda, seen_at = excluded.seen_at
       RETURNING seen_at`,
      [participantId, eventId, JSON.stringify(snapshot)],
    );
    return {
      ...current,
      eventId,
      version,
      since,
      changes: agendaChanges(snapshot, snapshot),
      removedCounterparts: new Map(),
    };
  }

  /** The agenda last marked seen, or else the first one whose email went out; null when neither. */
  private async baseline(
    participantId: string,
    eventId: string,
  ): Promise<{ agenda: AgendaSnapshot; since: Date } | null> {
    const [row]: { agenda: AgendaSnapshot; since: Date }[] = await this.dataSource.query(
      `SELECT agenda, since FROM (
         SELECT v.agenda, v.seen_at AS since, 0 AS rank FROM agenda_views v
          WHERE v.participant_id = $1 AND v.event_id = $2
         UNION ALL
         (SELECT d.agenda, m.sent_at, 1 FROM agenda_deliveries d
            JOIN outbox_messages m ON m.id = d.outbox_message_id
           WHERE d.participant_id = $1 AND d.event_id = $2 AND m.status = 'SENT'
           ORDER BY m.sent_at LIMIT 1)
       ) baseline
       ORDER BY rank LIMIT 1`,
      [participantId, eventId],
    );
    return row ?? null;
  }
}

function snapshotOf({ meetings, unscheduled }: ParticipantAgenda): AgendaSnapshot {
  return agendaSnapshot(
    meetings.map((meeting) => ({ ...meeting, booth: meeting.session?.mode === SessionMode.BOOTHS })),
    unscheduled.map(({ request }) => request.id),
  );
}
