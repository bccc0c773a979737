import { Injectable } from '@nestjs/common';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { miniSalonRequestNoticeEmail } from './mini-salon-request-received.template';

export const MINI_SALON_REQUEST_NOTICE_TEMPLATE = 'mini-salon-request-notice';

/**
 * To each 主催者 of the organisation asked: a mini-salon request waits for their answer (to its
 * 支援担当 when it has no 主催者 in use, so that one is set up). Nothing once it no longer waits (a
 * colleague decided, or the requester withdrew it).
 */
@Injectable()
export class MiniSalonRequestNoticeComposer implements MailComposer {
  readonly template = MINI_SALON_REQUEST_NOTICE_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant: staff, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MiniSalonRequest, {
      where: { id: message.params.requestId },
      relations: { organization: true, requestedBy: { company: true } },
    });
    if (request?.status !== MiniSalonRequestStatus.PENDING) return null;
    return miniSalonRequestNoticeEmail({
      staffName: staff.name,
      organizer: request.organization.name,
      requesterName: request.requestedBy.name,
      requesterCompany: request.requestedBy.company?.name ?? null,
      receivedAt: request.createdAt,
      request,
      noOrganiser: message.params.noOrganiser === 'true',
    });
  }
}
