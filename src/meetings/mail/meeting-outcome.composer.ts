import { Injectable } from '@nestjs/common';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { meetingOutcomeEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/** Tells the requester the answer; an acceptance carries the other side's contact details. */
@Injectable()
export class MeetingOutcomeComposer implements MailComposer {
  readonly template = MeetingMailTemplate.OUTCOME;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: message.params.requestId },
      relations: { toParticipant: { company: true } },
    });
    if (!request) return null;
    const accepted = request.status === MeetingRequestStatus.ACCEPTED;
    // Withdrawn after the answer (e.g. cancelled at once): the outcome is no longer news.
    if (!accepted && request.status !== MeetingRequestStatus.DECLINED) return null;
    const event = await this.contexts.get(manager, request.eventId);
    if (!event) return null;
    const recipient = request.toParticipant;
    return meetingOutcomeEmail({
      locale: participant.locale === 'en' ? 'en' : 'ja',
      requesterName: participant.name,
      recipient: {
        name: recipient.name,
        company: recipient.company?.name ?? null,
        email: recipient.email,
        phone: recipient.phone,
      },
      accepted,
      event,
    });
  }
}
