import { Injectable } from '@nestjs/common';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { miniSalonDecisionEmail } from './mini-salon-decision.template';

export const MINI_SALON_DECISION_TEMPLATE = 'mini-salon-decision';

/** The answer to a mini-salon request, written when the organiser decides. */
@Injectable()
export class MiniSalonDecisionComposer implements MailComposer {
  readonly template = MINI_SALON_DECISION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MiniSalonRequest, {
      where: { id: message.params.requestId },
      relations: { organization: true },
    });
    if (!request) return null;
    const accepted = request.status === MiniSalonRequestStatus.ACCEPTED;
    if (!accepted && request.status !== MiniSalonRequestStatus.DECLINED) return null;
    const event = accepted && request.eventId ? await this.contexts.get(manager, request.eventId) : null;
    if (accepted && !event) return null; // the event was deleted before the email left
    return miniSalonDecisionEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      organizer: request.organization.name,
      organizerContact: {
        address: request.organization.address,
        email: request.organization.contactEmail,
        phone: request.organization.contactPhone,
      },
      theme: request.theme,
      area: request.area,
      event,
      declineReason: request.declineReason,
    });
  }
}
