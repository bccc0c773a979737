import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventStatus } from '../events/event-enums';
import { EventChanges } from '../events/event-changes';
import { Event } from '../events/event.entity';
import { OutboxRequest, OutboxService } from '../mail/outbox.service';
import { MeetingStatus } from './meeting-enums';
import { agendaEmail, MeetingsService } from './meetings.service';

/**
 * When staff make an event given 商談枠 by mistake one without 商談枠 again
 * (revertToNoMatchmakingSessions), in the same transaction, under the event's row lock, taken
 * after the rows of the two sides of each of these agreements (EventsService.revertToNoSessions,
 * the lock order of participant-store.ts, as the meetings and agendas point at them): the
 * agreements still waiting for a slot (agreed while it had 商談枠, or after staff removed them) get
 * no slot now, ever. Each becomes a meeting at the venue (MeetingsService.meetAtVenue), as it would
 * have been had the event never had a 商談枠, so staff record it held or missed and the agenda lists
 * it under 「当日お会いいただく方」 like the rest.
 *
 * What the two sides are told: whoever was told it was agreed (their 【面談成立】, or an agenda
 * listing it under 時間が未定, went out) was promised a time and place "with the agenda"; they get
 * that agenda now, saying to find each other at the venue, with no time (one 【面談スケジュール】 per
 * person, however many of their meetings moved to the venue). Whether they were told is decided when
 * it is composed (AgendaComposer, `nowAtVenue`): a 【面談成立】 still waiting in the outbox then is
 * composed after this commit and says itself that the meeting is at the venue, so nothing more is
 * needed; one being sent meanwhile counts as told, so at worst the agenda repeats what it said.
 * At an event over or called off nobody is told: the meetings are still written, for staff to record.
 */
@Injectable()
export class WithoutSessionsListener {
  constructor(
    changes: EventChanges,
    private readonly meetings: MeetingsService,
    private readonly outbox: OutboxService,
  ) {
    changes.register({ withoutSessions: (manager, event) => this.withoutSessions(manager, event) });
  }

  private async withoutSessions(manager: EntityManager, event: Event): Promise<void> {
    // Locked as an answer locks a request: one being called off meanwhile is read as it leaves it.
    const waiting: { id: string; from_participant_id: string; to_participant_id: string }[] =
      await manager.query(
        `SELECT r.id, r.from_participant_id, r.to_participant_id FROM meeting_requests r
          WHERE r.event_id = $1 AND r.status = 'ACCEPTED'
            AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status <> $2)
          ORDER BY r.id
          FOR UPDATE OF r`,
        [event.id, MeetingStatus.CANCELLED],
      );
    const atVenue = new Map<string, string[]>();
    for (const request of waiting) {
      await this.meetings.meetAtVenue(manager, {
        id: request.id,
        eventId: event.id,
        fromParticipantId: request.from_participant_id,
        toParticipantId: request.to_participant_id,
      });
      for (const participantId of [request.from_participant_id, request.to_participant_id])
        atVenue.set(participantId, [...(atVenue.get(participantId) ?? []), request.id]);
    }
    if (event.status !== EventStatus.PUBLISHED || event.endsAt.getTime() <= Date.now()) return;
    const agendas: OutboxRequest[] = [...atVenue].map(([participantId, requestIds]) => {
      // Keyed by the first of their requests: each is made a meeting at the venue once.
      const email = agendaEmail(
        event.id,
        participantId,
        `meetings-at-venue-${requestIds[0]}-${participantId}`,
      );
      return { ...email, params: { ...email.params, nowAtVenue: requestIds.join(',') } };
    });
    await this.outbox.enqueue(manager, agendas);
  }
}
