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
import { CancelledHolding, registrationCancelledEmail } from './registration-cancelled.template';

export const REGISTRATION_CANCELLED_TEMPLATE = 'registration-cancelled';

const HOLDINGS: RegistrationStatus[] = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.INVITED,
];

/** Whether staff cancelling this status is something the person must be told. */
export function isCancelledHolding(status: RegistrationStatus): status is CancelledHolding {
  return HOLDINGS.includes(status);
}

/**
 * The 参加取消のお知らせ for a registration staff have just cancelled, to write in the same
 * transaction. Transactional: it changes what the reader may do on the day. The counts of meetings
 * are facts of that moment, which cannot be read back later (a meeting does not record who left).
 * For a seat, `calendarSequence` is the SEQUENCE of the METHOD:CANCEL it carries (see
 * RegistrationsService.withdrawnEntrySequence).
 */
export function registrationCancelled(
  registration: Pick<Registration, 'id' | 'participantId' | 'eventId'>,
  was: CancelledHolding,
  meetings: { total: number; published: number },
  at: Date,
  calendarSequence?: number,
): OutboxRequest {
  return {
    // The time is in the key: cancelled again after registering again is a new message.
    key: `registration-cancelled-${registration.id}-${at.getTime()}`,
    template: REGISTRATION_CANCELLED_TEMPLATE,
    participantId: registration.participantId,
    eventId: registration.eventId,
    transactional: true,
    params: {
      registrationId: registration.id,
      was,
      meetings: String(meetings.total),
      publishedMeetings: String(meetings.published),
      ...(calendarSequence === undefined ? {} : { calendarSequence: String(calendarSequence) }),
    },
  };
}

/** Nothing if the person holds the registration again by the time it leaves, or the event is off or over. */
@Injectable()
export class RegistrationCancelledComposer implements MailComposer {
  readonly template = REGISTRATION_CANCELLED_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const { registrationId, was, meetings, publishedMeetings, calendarSequence } = message.params;
    const registration = await manager.findOneBy(Registration, { id: registrationId });
    if (registration?.status !== RegistrationStatus.CANCELLED) return null;
    if (!isCancelledHolding(was as RegistrationStatus)) return null;
    // A cancelled event's own 開催中止 email says all there is to say. A draft only for a withdrawn
    // invitation: the invitee is the one person who has heard of it.
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    const told =
      event?.status === EventStatus.PUBLISHED ||
      (event?.status === EventStatus.DRAFT && was === RegistrationStatus.INVITED);
    if (!event || !told || event.endsAt.getTime() < Date.now()) return null;
    const locale = languageOf(participant);
    // Rows written before the CANCEL was attached have no SEQUENCE for it: the text asks instead.
    const calendarCancel = was === RegistrationStatus.REGISTERED && calendarSequence !== undefined;
    const email = registrationCancelledEmail({
      locale,
      participantName: participant.name,
      event,
      was: was as CancelledHolding,
      meetings: Number(meetings ?? 0),
      publishedMeetings: Number(publishedMeetings ?? 0),
      calendarCancel,
    });
    if (!calendarCancel) return email;
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
