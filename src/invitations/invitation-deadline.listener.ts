import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventChanges } from '../events/event-changes';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { OutboxService } from '../mail/outbox.service';
import { inviteesWithInvitationSent } from '../meetings/invitees-told';
import { deadlineNews } from './deadline-news';
import { deadlinesTold } from './deadlines-told';
import { INVITATION_DEADLINE_TEMPLATE } from './invitation-deadline.composer';

/**
 * When staff set or move the 申込締切 (updateEvent), in the same transaction: each invitee who has
 * not answered and whose invitation went out gets one 申込締切のお知らせ, with answer buttons,
 * when the change is news to them (see deadlineNews).
 *
 * An edit that also moves the event or its venue (a new version, see EventsService) sends each of
 * them a 日時変更／会場変更 email (ChangedEventListener), which carries the new deadline too: one
 * edit, one email.
 *
 * An invitation still in the outbox shows the deadline as it is when it leaves. One email per
 * invitee and change (the time is in the key): a deadline moved back to a date they were told of
 * before is news again. A later change writes its own email and this one is skipped.
 */
@Injectable()
export class InvitationDeadlineListener {
  constructor(
    changes: EventChanges,
    private readonly outbox: OutboxService,
  ) {
    changes.register({ updated: (manager, before, after) => this.updated(manager, before, after) });
  }

  private async updated(manager: EntityManager, before: Event, after: Event): Promise<void> {
    if (![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(after.status)) return;
    if (!deadlineNews(before, after) || after.sequence !== before.sequence) return;
    const invitees = await inviteesWithInvitationSent(manager, after.id);
    const { told, inFlight } = await deadlinesTold(manager, after.id);
    const changedAt = Date.now();
    // News to each as against what they were last told (see deadlinesTold), not only the edit's before.
    const newsFor = invitees.flatMap((registration) => {
      const known = told.has(registration.id) ? told.get(registration.id)! : before.registrationClosesAt;
      const news =
        deadlineNews({ registrationClosesAt: known }, after) ??
        // An email of theirs still being sent may show them another one (the one before this edit):
        // written in case, and its composer sends it only if it is news once that one has gone.
        (inFlight.has(registration.id) ? deadlineNews(before, after) : null);
      return news ? [{ registration, news }] : [];
    });
    await this.outbox.enqueue(
      manager,
      newsFor.map(({ registration, news }) => ({
        key: `invitation-deadline-${registration.id}-${changedAt}`,
        template: INVITATION_DEADLINE_TEMPLATE,
        participantId: registration.participantId,
        eventId: after.id,
        // Still an invitation: it needs consent to email and honours an unsubscribe.
        transactional: false,
        params: {
          registrationId: registration.id,
          closesAt: news.closesAt?.toISOString() ?? '',
          ...(news.wasClosesAt ? { wasClosesAt: news.wasClosesAt.toISOString() } : {}),
        },
      })),
    );
  }
}
