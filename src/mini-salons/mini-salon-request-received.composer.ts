import { Injectable } from '@nestjs/common';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { organizationNameFor, organiserContactFor } from '../organizations/organization-name';
import { ComposedEmail, repliedToOrganiser } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { miniSalonRequestReceivedEmail } from './mini-salon-request-received.template';

export const MINI_SALON_REQUEST_RECEIVED_TEMPLATE = 'mini-salon-request-received';

/**
 * 受付のお知らせ of a mini-salon request, to its requester. Nothing once it is no longer being
 * considered: the decision (or their own withdrawal) has said more than a receipt would.
 */
@Injectable()
export class MiniSalonRequestReceivedComposer implements MailComposer {
  readonly template = MINI_SALON_REQUEST_RECEIVED_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MiniSalonRequest, {
      where: { id: message.params.requestId },
      relations: { organization: true },
    });
    if (request?.status !== MiniSalonRequestStatus.PENDING) return null;
    const organizer = organizationNameFor(request.organization, languageOf(participant));
    const email = miniSalonRequestReceivedEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      organizer,
      organizerContact: organiserContactFor(request.organization, languageOf(participant)),
      request,
    });
    // A reply to the receipt or the answer goes to the organisation, not to the no-reply sender.
    return repliedToOrganiser(email, organizer, request.organization.contactEmail);
  }
}
