import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { EntityManager } from 'typeorm';
import { changeNoticeParams, EventChanges, movedBy, summarizeChange } from '../events/event-changes';
import { Event } from '../events/event.entity';
import { deadlineNews } from '../invitations/deadline-news';
import { deadlinesTold } from '../invitations/deadlines-told';
import { OutboxService } from '../mail/outbox.service';
import { WAITLIST_PROMOTED_TEMPLATE } from '../registrations/mail/waitlist-promoted.composer';
import { RegistrationStatus } from '../registrations/registration-enums';
import { MeetingMailTemplate } from './mail/meeting-mail-templates';
import { inviteesWithInvitationSent } from './invitees-told';

/** Who hears of a new date or venue: everyone holding or waiting for a seat. */
export const EVENT_CHANGE_TOLD = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.ATTENDED,
];

/**
 * When an event's time or place changes (EventsService raises its SEQUENCE), in the same
 * transaction: each person signed up for it gets one 日時変更／会場変更 email per version, with the
 * updated calendar entry. The email is a service message (transactional), as the 開催中止 one is:
 * someone who opted out of announcements must still not travel on the old day or to the old place.
 * Invitees who have not answered hear of it too, with the answer buttons again, and of a new
 * 申込締切 set in the same edit (see deadlineNews) in the same email: InvitationDeadlineListener
 * leaves a new version to this one, so that one edit sends each of them one email.
 *
 * An event moved to another day (開催日の変更, see movedBy) takes its meetings still to come along,
 * as EventsService does its 商談枠 in use; otherwise meetings keep their times (EventsService
 * refuses a new time that leaves one outside the event); one at the venue keeps the event's hours.
 * A meeting that is history stays when it was, whether its 商談枠 is in use or was removed (that
 * one stays too): a cancelled one was planned for then, its 面談中止 and CANCEL said so, and the
 * calendar feed keeps it there as cancelled; one held or missed took place then. A new time or
 * place of a published meeting raises its SEQUENCE, and the same email carries it. Open meeting
 * requests that expired with the event's end expire with its new end.
 */
@Injectable()
export class ChangedEventListener {
  constructor(
    changes: EventChanges,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
  ) {
    changes.register({ updated: (manager, before, after) => this.updated(manager, before, after) });
  }

  private async updated(manager: EntityManager, before: Event, after: Event): Promise<void> {
    const summary = summarizeChange(before, after);
    if (summary.moved) {
      // SCHEDULED only: a cancelled, held or missed meeting is history and keeps its time.
      await manager.query(
        `UPDATE meetings
            SET starts_at = starts_at + $2 * interval '1 millisecond',
                ends_at = ends_at + $2 * interval '1 millisecond',
                sequence = sequence + CASE WHEN published_at IS NOT NULL THEN 1 ELSE 0 END,
                updated_at = now()
          WHERE event_id = $1 AND status = 'SCHEDULED' AND session_id IS NOT NULL`,
        [after.id, movedBy(before, after)],
      );
    }
    // A meeting at the venue (no 商談枠) takes place during the event, whenever that now is.
    if (
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime()
    )
      await manager.query(
        `UPDATE meetings SET starts_at = $2, ends_at = $3, updated_at = now()
          WHERE event_id = $1 AND status = 'SCHEDULED' AND session_id IS NULL`,
        [after.id, after.startsAt, after.endsAt],
      );
    if (before.endsAt.getTime() !== after.endsAt.getTime()) {
      const moved: { id: string }[] = await manager.query(
        `WITH moved AS (
           UPDATE meeting_requests SET expires_at = $3, updated_at = now()
            WHERE event_id = $1 AND status = 'PENDING' AND expires_at > now()
              AND (expires_at = $2 OR expires_at > $3)
            RETURNING id)
         SELECT id FROM moved`,
        [after.id, before.endsAt, after.endsAt],
      );
      // The answer links in the request emails last as long as the request.
      await this.tokens.moveExpiry(
        manager,
        TokenPurpose.MEETING_RESPONSE,
        moved.map((row) => row.id),
        before.endsAt,
        after.endsAt,
      );
    }
    // Not a new version (a draft, or a change of title or capacity): nothing for calendars.
    if (after.sequence === before.sequence) return;
    if (summary.place && !summary.moved) {
      await manager.query(
        `UPDATE meetings SET sequence = sequence + 1, updated_at = now()
          WHERE event_id = $1 AND status = 'SCHEDULED' AND published_at IS NOT NULL`,
        [after.id],
      );
    }
    // Someone this same edit moved up from the waiting list (more seats) is told of the new time or
    // place in their 繰り上げ参加確定 email, which RegistrationsService wrote before this listener ran
    // (`reseated` runs before `updated`): one email. Rows written in this transaction carry its
    // start, now(), as created_at.
    const registrations: { id: string; participantId: string }[] = await manager.query(
      `SELECT r.id, r.participant_id AS "participantId"
         FROM registrations r
        WHERE r.event_id = $1 AND r.status = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM outbox_messages o
                           WHERE o.event_id = r.event_id AND o.template = $3 AND o.created_at = now()
                             AND o.params ->> 'registrationId' = CAST(r.id AS text))
        ORDER BY r.id`,
      [after.id, EVENT_CHANGE_TOLD, WAITLIST_PROMOTED_TEMPLATE],
    );
    const invitees = await inviteesWithInvitationSent(manager, after.id);
    const notice = changeNoticeParams(before, after);
    // The deadline is for those still to answer: people with a seat or waiting for one have applied.
    // News to each invitee as against what they were last told (see deadlinesTold). The composer
    // looks again at what they were shown as the email leaves, and marks the deadline by that.
    const { told, inFlight } = await deadlinesTold(manager, after.id);
    const deadlineParams = (registration: { id: string }) => {
      const known = told.has(registration.id) ? told.get(registration.id)! : before.registrationClosesAt;
      const deadline =
        deadlineNews({ registrationClosesAt: known }, after) ??
        // An email of theirs still being sent may show them the one before this edit.
        (inFlight.has(registration.id) ? deadlineNews(before, after) : null);
      return {
        // The one they know, for a reader with no email recorded as showing one as this email
        // leaves (theirs went out before emails recorded it).
        toldClosesAt: known?.toISOString() ?? '',
        // That this edit set, moved or took away the deadline, and it may be news to them: a
        // 申込締切のお知らせ written before it is then not sent (this email says it).
        ...(deadline ? { closesAt: deadline.closesAt?.toISOString() ?? '' } : {}),
      };
    };
    const tell = (
      registration: { id: string; participantId: string },
      transactional: boolean,
      more: Record<string, string> = {},
    ) => ({
      // One per version of the event: a second change is a new email, an edit that changes
      // neither time nor place writes none.
      key: `event-changed-${registration.id}-v${after.sequence}`,
      template: MeetingMailTemplate.EVENT_CHANGED,
      participantId: registration.participantId,
      eventId: after.id,
      transactional,
      params: { registrationId: registration.id, ...notice, ...more },
    });
    await this.outbox.enqueue(manager, [
      ...registrations.map((registration) => tell(registration, true)),
      // Still an invitation: it needs consent to email and honours an unsubscribe, as the first did.
      ...invitees.map((registration) => tell(registration, false, deadlineParams(registration))),
    ]);
  }
}
