import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { eventPageUrl } from '../events/event-public-page';
import { organizationNameFor, organiserContactFor } from '../organizations/organization-name';
import { invitationAnswerUrls } from '../invitations/invitation-answer-urls';
import { closedAt } from '../invitations/answer-closed';
import { EventStatus } from '../events/event-enums';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail, repliedToOrganiser } from '../mail/templates/email-layout';
import { deadlineShown } from '../mail/email-shown';
import { languageOf } from '../participants/participant-kind';
import { RegistrationStatus } from '../registrations/registration-enums';
import { Registration } from '../registrations/registration.entity';
import { MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { miniSalonDecisionEmail } from './mini-salon-decision.template';

export const MINI_SALON_DECISION_TEMPLATE = 'mini-salon-decision';

/**
 * The answer to a mini-salon request, written when the organiser decides. A salon to be held
 * comes with the requester's invitation: its 参加する／辞退する links, while they have not answered.
 */
@Injectable()
export class MiniSalonDecisionComposer implements MailComposer {
  readonly template = MINI_SALON_DECISION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MiniSalonRequest, {
      where: { id: message.params.requestId },
      relations: { organization: true },
    });
    if (!request) return null;
    const accepted = request.status === MiniSalonRequestStatus.ACCEPTED;
    if (!accepted && request.status !== MiniSalonRequestStatus.DECLINED) return null;
    const event =
      accepted && request.eventId
        ? await this.contexts.get(manager, request.eventId, languageOf(participant))
        : null;
    if (accepted && !event) return null; // the event was deleted before the email left
    // Cancelled (開催中止) before it left: no salon to announce. The cancellation tells the requester
    // instead (CancelledEventListener), in one email.
    if (event && ![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) return null;
    const registrationId = message.params.registrationId;
    const invitation =
      event && registrationId ? await manager.findOneBy(Registration, { id: registrationId }) : null;
    const answerUrls =
      event && invitation?.status === RegistrationStatus.INVITED
        ? invitationAnswerUrls(this.config.PUBLIC_URL, issueToken, invitation.id, event.endsAt, 'decision')
        : null;
    const organizer = organizationNameFor(request.organization, languageOf(participant));
    const email = miniSalonDecisionEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      organizer,
      organizerContact: organiserContactFor(request.organization, languageOf(participant)),
      theme: request.theme,
      area: request.area,
      event,
      declineReason: request.declineReason,
      answerUrls,
      pageUrl: event?.publicPage
        ? eventPageUrl(this.config.PUBLIC_URL, event.id, languageOf(participant))
        : null,
      // Leaving after the 申込締切 (it waited in the outbox): no 参加する to be refused.
      closedAt: event ? closedAt(event) : null,
    });
    // A reply to the receipt or the answer goes to the organisation, not to the no-reply sender.
    const replied = repliedToOrganiser(email, organizer, request.organization.contactEmail);
    // Its answer buttons ask for an answer by the 申込締切 the salon has as it leaves (set since it
    // was accepted, say), are said to work until the event ends, or it says the 申込締切 has passed:
    // counted as told (see deadlinesTold).
    return answerUrls ? { ...replied, shown: deadlineShown(event?.registrationClosesAt) } : replied;
  }
}
