import { Injectable } from '@nestjs/common';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { Participant } from '../../participants/participant.entity';
import { sharesContactWithCounterpart } from '../../participants/participant-access';
import { AgendaService } from '../agenda.service';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { meetingAgreedEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/**
 * 面談成立 to the person asked, once they accepted or the event agreed the request automatically,
 * with the requester's contact details when the requester consented to share them. (The requester
 * hears of it from MeetingOutcomeComposer.)
 */
@Injectable()
export class MeetingAgreedComposer implements MailComposer {
  readonly template = MeetingMailTemplate.AGREED;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
  ) {
    composers.register(this);
  }

  compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    return composeAgreedEmail(this.contexts, this.agenda, manager, message.params.requestId, participant);
  }
}

/** Shared with MeetingRequestComposer, which still holds auto-agreed requests queued before. */
export async function composeAgreedEmail(
  contexts: EventMailContexts,
  agenda: AgendaService,
  manager: ComposeInput['manager'],
  requestId: string,
  participant: Participant,
): Promise<ComposedEmail | null> {
  const request = await manager.findOne(MeetingRequest, {
    where: { id: requestId },
    relations: { fromParticipant: { company: true } },
  });
  // Called off before the email went out: the agreement is no longer news.
  if (request?.status !== MeetingRequestStatus.ACCEPTED) return null;
  const event = await contexts.get(manager, request.eventId, languageOf(participant));
  if (!event) return null;
  const requester = request.fromParticipant;
  // Erased since: there is nobody to meet, and nobody to name.
  if (requester.erasedAt) return null;
  return meetingAgreedEmail({
    locale: languageOf(participant),
    recipientName: participant.name,
    requester: { name: requester.name, company: requester.company?.name ?? null },
    contact: sharesContactWithCounterpart(requester, true)
      ? { email: requester.email, phone: requester.phone }
      : null,
    autoAccepted: request.autoAccepted,
    message: request.message,
    event,
    atVenue: await agenda.agreedAtTheVenue(manager, request.id),
  });
}
