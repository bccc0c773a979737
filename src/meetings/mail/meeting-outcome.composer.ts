import { Injectable } from '@nestjs/common';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { sharesContactWithCounterpart } from '../../participants/participant-access';
import { languageOf } from '../../participants/participant-kind';
import { AgendaService } from '../agenda.service';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { MeetingOutcome, meetingOutcomeEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/**
 * Tells the requester the answer, or that none came by the deadline; an agreed meeting carries the
 * other side's contact details when they consented to share them.
 */
@Injectable()
export class MeetingOutcomeComposer implements MailComposer {
  readonly template = MeetingMailTemplate.OUTCOME;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: message.params.requestId },
      relations: { toParticipant: { company: true } },
    });
    // Withdrawn after the answer (e.g. cancelled at once): the outcome is no longer news.
    if (!request || !isOutcome(request.status)) return null;
    const event = await this.contexts.get(manager, request.eventId, languageOf(participant));
    if (!event) return null;
    // An expiry is worth telling only while the requester can still ask someone else.
    if (request.status === MeetingRequestStatus.EXPIRED && event.endsAt.getTime() <= Date.now()) return null;
    const recipient = request.toParticipant;
    const agreed = request.status === MeetingRequestStatus.ACCEPTED;
    // Erased since: an agreement with them is no news (their meetings still to come went with
    // them); a decline or an expiry is still told, naming nobody.
    if (recipient.erasedAt && agreed) return null;
    return meetingOutcomeEmail({
      locale: languageOf(participant),
      requesterName: participant.name,
      recipient: recipient.erasedAt
        ? null
        : { name: recipient.name, company: recipient.company?.name ?? null },
      contact: sharesContactWithCounterpart(recipient, agreed)
        ? { email: recipient.email, phone: recipient.phone }
        : null,
      outcome: request.status,
      reply: request.reply,
      autoAccepted: request.autoAccepted,
      deadline: request.expiresAt ?? event.endsAt,
      event,
      atVenue: agreed && (await this.agenda.agreedAtTheVenue(manager, request.id)),
    });
  }
}

const OUTCOMES: MeetingRequestStatus[] = [
  MeetingRequestStatus.ACCEPTED,
  MeetingRequestStatus.DECLINED,
  MeetingRequestStatus.EXPIRED,
];
const isOutcome = (status: MeetingRequestStatus): status is MeetingOutcome => OUTCOMES.includes(status);
