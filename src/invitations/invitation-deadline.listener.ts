import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventChanges } from '../events/event-changes';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { OutboxService } from '../mail/outbox.service';
import { inviteesWithInvitationSent } from '../meetings/invitees-told';
import { INVITATION_DEADLINE_TEMPLATE } from './invitation-deadline.composer';

/**
 * When staff set or move the 申込締切 (updateEvent), in the same transaction: each invitee who has
 * not answered and whose invitation went out gets one 申込締切のお知らせ, with answer buttons. Their
 * invitation said 「開催終了まで有効」 or another date, and after the deadline 参加する is refused.
 *
 * - set, moved earlier: told, or they would find 参加する refused.
 * - moved later: told as well: a deadline that had passed is open again (staff extend it for those
 *   who missed it), and one still ahead gives more time than the invitation said.
 * - removed: told only when the old one had passed (answers are taken again until the event
 *   ends); before that, the invitation's earlier date only asks them sooner than needed.
 * - set to a time already past: nobody can answer by it, so nothing is sent.
 *
 * An invitation still in the outbox shows the deadline as it is when it leaves. One email per
 * invitee and deadline (the key); a later change writes its own and this one is skipped.
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
    const was = before.registrationClosesAt;
    const now = after.registrationClosesAt;
    if ((was?.getTime() ?? null) === (now?.getTime() ?? null)) return;
    if (![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(after.status)) return;
    const reopened = now === null && was !== null && was.getTime() <= Date.now();
    if (now === null ? !reopened : now.getTime() <= Date.now()) return;
    const invitees = await inviteesWithInvitationSent(manager, after.id);
    await this.outbox.enqueue(
      manager,
      invitees.map((registration) => ({
        key: `invitation-deadline-${registration.id}-${now?.getTime() ?? 'none'}`,
        template: INVITATION_DEADLINE_TEMPLATE,
        participantId: registration.participantId,
        eventId: after.id,
        // Still an invitation: it needs consent to email and honours an unsubscribe.
        transactional: false,
        params: {
          registrationId: registration.id,
          closesAt: now?.toISOString() ?? '',
          ...(was ? { wasClosesAt: was.toISOString() } : {}),
        },
      })),
    );
  }
}
