import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../../action-tokens/action-token-purpose';
import { AppConfig } from '../../config/app-config';
import { EventStatus } from '../../events/event-enums';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { AgendaService } from '../agenda.service';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { effectiveStatus } from '../meeting-requests.service';
import { composeAgreedEmail } from './meeting-agreed.composer';
import { meetingRequestEmail } from './meeting-emails.template';
import { profileIntroduction } from '../../participants/profile-summary';
import { MeetingMailTemplate } from './meeting-mail-templates';

/** The request email to the person asked; the answer token is minted at send time. */
@Injectable()
export class MeetingRequestComposer implements MailComposer {
  readonly template = MeetingMailTemplate.REQUEST;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
    private readonly agenda: AgendaService,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: message.params.requestId },
      relations: { fromParticipant: { company: true } },
    });
    // Erased since (their open requests are withdrawn with them): nobody to answer, or to name.
    if (!request || request.fromParticipant.erasedAt) return null;
    const status = effectiveStatus(request);
    // Auto-agreed requests now go out as AGREED; one queued as REQUEST before that says the same.
    if (status === MeetingRequestStatus.ACCEPTED && request.autoAccepted)
      return composeAgreedEmail(this.contexts, this.agenda, manager, request.id, participant);
    // Answered, withdrawn or expired before the email went out: nothing to ask any more.
    if (status !== MeetingRequestStatus.PENDING) return null;
    const event = await this.contexts.get(manager, request.eventId, languageOf(participant));
    if (event?.status !== EventStatus.PUBLISHED) return null;
    const expiresAt = request.expiresAt ?? event.endsAt;
    const token = issueToken({ purpose: TokenPurpose.MEETING_RESPONSE, subjectId: request.id, expiresAt });
    const respond = `${this.config.PUBLIC_URL}/meetings/respond?token=${token}`;
    const links = { accept: `${respond}&accept=1`, decline: `${respond}&accept=0`, expiresAt };
    const locale = languageOf(participant);
    return meetingRequestEmail({
      locale,
      recipientName: participant.name,
      // Introduced as the おすすめ digest introduces people: public profile only, no contact details.
      requester: {
        name: request.fromParticipant.name,
        company: request.fromParticipant.company?.name ?? null,
        ...profileIntroduction(request.fromParticipant, locale),
      },
      message: request.message,
      event,
      links,
    });
  }
}
