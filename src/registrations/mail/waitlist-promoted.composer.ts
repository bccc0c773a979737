import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventStatus } from '../../events/event-enums';
import { eventIcsAttachment } from '../../events/event-ics';
import { EventMailContexts } from '../../mail/event-mail-context';
import { changeNoticeOf } from '../../mail/templates/event-change-details';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { registrationCancelUrl } from '../registration-cancel-url';
import { Registration } from '../registration.entity';
import { SEATED } from '../registration-enums';
import { waitlistPromotedEmail } from './waitlist-promoted.template';

export const WAITLIST_PROMOTED_TEMPLATE = 'waitlist-promoted';

/**
 * The seat a waitlisted person was given; nothing if they no longer hold it, the event is off, or
 * it has started by the time the email leaves (moved up before the start, sent after: the seat is
 * theirs, but an invitation to come, with a calendar entry, to what is under way or over is not).
 * Given by an edit that also moved the event or its venue (the row carries the change, see
 * changeNoticeParams), it says so, with the event as it is now and its calendar entry at the new
 * SEQUENCE: that edit's 日時変更 is not sent to them (ChangedEventListener).
 */
@Injectable()
export class WaitlistPromotedComposer implements MailComposer {
  readonly template = WAITLIST_PROMOTED_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    if (!registration || !SEATED.includes(registration.status)) return null;
    const locale = languageOf(participant);
    // At least as new as this row, so a cancellation or an edit that also moved the event, made
    // with it or before it, shows (EventMailContexts.require).
    const event = await this.contexts.get(manager, registration.eventId, locale);
    if (event?.status !== EventStatus.PUBLISHED || event.startsAt.getTime() <= Date.now()) return null;
    const change = changeNoticeOf(message.params, locale);
    const changed = change.changed.schedule || change.changed.place;
    return {
      ...waitlistPromotedEmail({
        locale,
        participantName: participant.name,
        event,
        ...(changed ? { change } : {}),
        cancelUrl: registrationCancelUrl(this.config.PUBLIC_URL, issueToken, registration.id, event.startsAt),
      }),
      attachments: [await eventIcsAttachment(manager, event.id, this.config.PUBLIC_URL, locale)],
    };
  }
}
