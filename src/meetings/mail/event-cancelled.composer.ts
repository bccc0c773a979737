import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { eventCalendarEntry } from '../../events/event-ics';
import { Event } from '../../events/event.entity';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { Registration } from '../../registrations/registration.entity';
import { RegistrationStatus, SEATED } from '../../registrations/registration-enums';
import { AgendaService } from '../agenda.service';
import { cancelIcsAttachment } from './cancel-ics-attachment';
import { eventCancelledEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';
import { decisionToldTo } from '../invitees-told';

/**
 * 開催中止 to one participant. It lives with the meetings because it carries them: every published
 * meeting of theirs that the cancellation called off goes in one METHOD:CANCEL (same UIDs, raised
 * SEQUENCE), so their calendar drops the lot — with the event's own entry, for someone holding a
 * seat (their registration confirmation put it on their calendar; the cancellation raised its
 * SEQUENCE). A place on the waiting list had no calendar entry to remove.
 */
@Injectable()
export class EventCancelledComposer implements MailComposer {
  readonly template = MeetingMailTemplate.EVENT_CANCELLED;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({
    message,
    participant,
    unsubscribeUrl,
    manager,
  }: ComposeInput): Promise<ComposedEmail | null> {
    // Written only as the event is cancelled, which is final: no status to check again (and the
    // cached context may still say PUBLISHED for a few seconds).
    const event = await this.contexts.get(manager, message.eventId ?? '', languageOf(participant));
    if (!event) return null;
    // The published meetings this cancellation called off (those called off before were told
    // then); every cancelled one for a row written before the ids were kept.
    const calledOff = message.params.meetingIds?.split(',').filter(Boolean);
    const entries =
      calledOff?.length === 0
        ? []
        : (
            await this.agenda.calendarEntries(manager, participant.id, {
              eventId: event.id,
              ...(calledOff ? { meetingIds: calledOff } : {}),
              includeCancelled: true,
            })
          ).filter((entry) => entry.cancelled);
    const locale = languageOf(participant);
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    const seated = registration !== null && SEATED.includes(registration.status);
    const invited = registration?.status === RegistrationStatus.INVITED;
    // A mini-salon's requester, invited by its 開催決定 (not again since): told as such, in words
    // for whether that email reached them (one still waiting is not sent now; one being sent is
    // waited for, so this email also leaves after it).
    const requester =
      invited && (registration.invitationRound ?? 1) === 1
        ? await decisionToldTo(manager, event.id, registration.id)
        : null;
    const email = eventCancelledEmail({
      locale,
      participantName: participant.name,
      event,
      entries,
      onCalendar: seated,
      invited,
      ...(requester ? { requester } : {}),
      unsubscribeUrl,
    });
    if (!seated && entries.length === 0) return email;
    const row = seated
      ? await manager.findOne(Event, {
          where: { id: event.id },
          relations: { organization: true, coHosts: true },
        })
      : null;
    const eventEntry = row ? eventCalendarEntry(row, this.config.PUBLIC_URL, locale) : undefined;
    const recipient = { name: participant.name, email: participant.email };
    return {
      ...email,
      attachments: [
        cancelIcsAttachment({
          locale,
          event,
          entries,
          eventEntry,
          recipient,
          mailFrom: this.config.MAIL_FROM,
        }),
      ],
    };
  }
}
