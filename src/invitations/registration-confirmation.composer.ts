import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { eventIcsAttachment } from '../events/event-ics';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { OutboxRequest } from '../mail/outbox.service';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { registrationCancelUrl } from '../registrations/registration-cancel-url';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { registrationConfirmationEmail } from './registration-confirmation.template';

export const REGISTRATION_CONFIRMATION_TEMPLATE = 'registration-confirmation';

/**
 * The confirmation of a seat or a place on the waiting list someone has just been given, to write
 * in the same transaction. The answer to their own action (or to staff's on their behalf), so
 * transactional; its key is the one message it is, written once however often the same answer
 * comes. A registration's first seat or place (`from` none: a new registration, or one confirmed
 * as its draft is published) has the plain key. Every later one is a new message under a key of its
 * own, since a confirmation sent before may hold the plain key (its seat cancelled since, and the
 * cancellation's email took the event off their calendar: this one's file puts it back):
 * - from an invitation (`from` INVITED), or from declining it (`from` DECLINED, who may still accept
 *   it): the invitation's round. A registration leaves an invitation for a seat or a place at most
 *   once, either answering it or after declining it; only staff inviting again bring it back. Round
 *   1 too: someone who registered on their own and cancelled is on their first invitation.
 * - after cancelling (`from` CANCELLED), registered again as often as they like: the moment.
 */
export function registrationConfirmation(
  registration: Pick<Registration, 'id' | 'participantId' | 'eventId'> &
    Partial<Pick<Registration, 'invitationRound'>>,
  status: RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED,
  from?: RegistrationStatus | null,
  at = new Date(),
): OutboxRequest {
  const answered = from === RegistrationStatus.INVITED || from === RegistrationStatus.DECLINED;
  const again = answered
    ? `-r${registration.invitationRound ?? 1}`
    : from === RegistrationStatus.CANCELLED
      ? `-${at.getTime()}`
      : '';
  return {
    key: `registration-confirmation-${registration.id}-${status.toLowerCase()}${again}`,
    template: REGISTRATION_CONFIRMATION_TEMPLATE,
    participantId: registration.participantId,
    eventId: registration.eventId,
    transactional: true,
    params: { registrationId: registration.id, status },
  };
}

/** The statuses a confirmation tells: a seat, or a place on the waiting list. */
export function isSeatOrWaitlist(
  status: RegistrationStatus,
): status is RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED {
  return status === RegistrationStatus.REGISTERED || status === RegistrationStatus.WAITLISTED;
}

/**
 * Whether a registration that has just reached `status` is confirmed now. Not while the event is a
 * draft (staff preparing the list before it goes out): its confirmation would only be skipped, and
 * under its key no later one could be written. Publishing confirms everyone registered by then
 * (`confirmOnPublish`).
 */
export function confirmsNow(
  event: Pick<Event, 'status'>,
  status: RegistrationStatus,
): status is RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED {
  return event.status !== EventStatus.DRAFT && isSeatOrWaitlist(status);
}

/**
 * The confirmations of a draft's registrations, as it is published: one for each seat or place on
 * the waiting list held now, under the plain key of a first one (a draft confirmed none of them yet),
 * so nobody gets one twice.
 */
export function confirmOnPublish(
  registrations: Pick<Registration, 'id' | 'participantId' | 'eventId' | 'status'>[],
): OutboxRequest[] {
  return registrations.flatMap((registration) =>
    isSeatOrWaitlist(registration.status)
      ? [registrationConfirmation(registration, registration.status)]
      : [],
  );
}

/**
 * Confirms a registration: an accepted invitation, a participant's own, or one staff made for
 * them. Says nothing if the registration has moved on by the time the email leaves: cancelled, or
 * moved up from the waiting list (the 繰り上げ email tells of that seat), or the event is over or
 * still a draft.
 */
@Injectable()
export class RegistrationConfirmationComposer implements MailComposer {
  readonly template = REGISTRATION_CONFIRMATION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    if (!registration || !isSeatOrWaitlist(registration.status)) return null;
    // Rows written before the status was a parameter tell the registration as it is now.
    if (registration.status !== (message.params.status ?? registration.status)) return null;
    // Published (a draft's registrations are confirmed when it is) and still ahead. The context is
    // at least as new as this email's row (EventMailContexts.require).
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    if (event?.status !== EventStatus.PUBLISHED || event.startsAt.getTime() < Date.now()) return null;
    const waitlisted = registration.status === RegistrationStatus.WAITLISTED;
    const email = registrationConfirmationEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      event,
      waitlisted,
      cancelUrl: registrationCancelUrl(this.config.PUBLIC_URL, issueToken, registration.id, event.startsAt),
      role: registration.role,
      booth: registration.booth,
    });
    // A seat goes on the calendar; a place on the waiting list does not, yet.
    if (waitlisted) return email;
    return {
      ...email,
      attachments: [
        await eventIcsAttachment(manager, event.id, this.config.PUBLIC_URL, languageOf(participant)),
      ],
    };
  }
}
