import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EventChanges, summarizeChange } from '../events/event-changes';
import { Event } from '../events/event.entity';
import { OutboxService } from '../mail/outbox.service';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { MeetingMailTemplate } from './mail/meeting-mail-templates';

/** Who hears of a new date or venue: everyone holding or waiting for a seat. */
export const EVENT_CHANGE_TOLD = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.ATTENDED,
];

/**
 * When a published event's time or place changes (EventsService raises its SEQUENCE), in the same
 * transaction: each person signed up for it gets one 日時変更／会場変更 email per version, with the
 * updated calendar entry. The email is a service message (transactional), as the 開催中止 one is:
 * someone who opted out of announcements must still not travel on the old day or to the old place.
 *
 * 商談枠 and meetings keep their times (EventsService refuses a new time that leaves one outside
 * the event); a new place changes where published meetings take place, so their SEQUENCE is raised
 * too and the same email carries them. Open meeting requests that expired with the event's end
 * expire with its new end.
 */
@Injectable()
export class ChangedEventListener {
  constructor(
    changes: EventChanges,
    private readonly outbox: OutboxService,
  ) {
    changes.register({ updated: (manager, before, after) => this.updated(manager, before, after) });
  }

  private async updated(manager: EntityManager, before: Event, after: Event): Promise<void> {
    if (before.endsAt.getTime() !== after.endsAt.getTime()) {
      await manager.query(
        `UPDATE meeting_requests SET expires_at = $3, updated_at = now()
          WHERE event_id = $1 AND status = 'PENDING' AND expires_at > now()
            AND (expires_at = $2 OR expires_at > $3)`,
        [after.id, before.endsAt, after.endsAt],
      );
    }
    // Not a new version (a draft, or a change of title or capacity): nothing for calendars.
    if (after.sequence === before.sequence) return;
    const { schedule, place } = summarizeChange(before, after);
    if (place) {
      await manager.query(
        `UPDATE meetings SET sequence = sequence + 1, updated_at = now()
          WHERE event_id = $1 AND status = 'SCHEDULED' AND published_at IS NOT NULL`,
        [after.id],
      );
    }
    const registrations = await manager.find(Registration, {
      select: { id: true, participantId: true },
      where: { eventId: after.id, status: In(EVENT_CHANGE_TOLD) },
      order: { id: 'ASC' },
    });
    const changed = [schedule ? 'schedule' : '', place ? 'place' : ''].filter(Boolean).join(',');
    await this.outbox.enqueue(
      manager,
      registrations.map((registration) => ({
        // One per version of the event: a second change is a new email, an edit that changes
        // neither time nor place writes none.
        key: `event-changed-${registration.id}-v${after.sequence}`,
        template: MeetingMailTemplate.EVENT_CHANGED,
        participantId: registration.participantId,
        eventId: after.id,
        transactional: true,
        params: { registrationId: registration.id, changed },
      })),
    );
  }
}
