import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventStatus } from '../../events/event-enums';
import { eventCancelIcsAttachment } from '../../events/event-ics';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { OutboxRequest } from '../../mail/outbox.service';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { Registration } from '../registration.entity';
import { RegistrationStatus } from '../registration-enums';
import { ownCancellationEmail } from './own-cancellation.template';

export const OWN_CANCELLATION_TEMPLATE = 'registration-cancel-confirmed';

/**
 * The 参加キャンセル受付 for someone who has just cancelled their own seat, to write in the same
 * transaction: the METHOD:CANCEL at `calendarSequence` (RegistrationsService.withdrawnEntrySequence)
 * that takes the event off their calendar. Transactional, as the confirmation it undoes was.
 */
export function ownCancellation(
  registration: Pick<Registration, 'id' | 'participantId' | 'eventId'>,
  meetings: { total: number; published: number },
  calendarSequence: number,
  at: Date,
): OutboxRequest {
  return {
    // The time is in the key: cancelled again after registering again is a new message.
    key: `registration-cancel-confirmed-${registration.id}-${at.getTime()}`,
    template: OWN_CANCELLATION_TEMPLATE,
    participantId: registration.participantId,
    eventId: registration.eventId,
    transactional: true,
    params: {
      registrationId: registration.id,
      meetings: String(meetings.total),
      publishedMeetings: String(meetings.published),
      calendarSequence: String(calendarSequence),
    },
  };
}

/**
 * Nothing if they hold a seat again by the time it leaves (that seat's confirmation puts the
 * event back), or the event is off (its 開催中止 carries its own CANCEL) or over.
 */
@Injectable()
export class OwnCancellationComposer implements MailComposer {
  readonly template = OWN_CANCELLATION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const { registrationId, meetings, publishedMeetings, calendarSequence } = message.params;
    const registration = await manager.findOneBy(Registration, { id: registrationId });
    if (registration?.status !== RegistrationStatus.CANCELLED) return null;
    // A cancelled event's own 開催中止 email says all there is to say; a past one, nothing.
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    if (event?.status !== EventStatus.PUBLISHED || event.endsAt.getTime() < Date.now()) return null;
    const locale = languageOf(participant);
    const email = ownCancellationEmail({
      locale,
      participantName: participant.name,
      event,
      meetings: Number(meetings ?? 0),
      publishedMeetings: Number(publishedMeetings ?? 0),
    });
    const attachment = await eventCancelIcsAttachment(manager, {
      eventId: event.id,
      sequence: Number(calendarSequence),
      publicUrl: this.config.PUBLIC_URL,
      locale,
      recipient: { name: participant.name, email: participant.email },
      mailFrom: this.config.MAIL_FROM,
    });
    return { ...email, attachments: [attachment] };
  }
}
