import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { EventStatus } from '../events/event-enums';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { invitationEmail } from './invitation.template';

export const INVITATION_TEMPLATE = 'invitation';

/**
 * The invitation email with its accept and decline links. The answer token is minted here, at
 * send time, so the raw secret exists only in the email.
 */
@Injectable()
export class InvitationComposer implements MailComposer {
  readonly template = INVITATION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({
    message,
    participant,
    unsubscribeUrl,
    manager,
    issueToken,
  }: ComposeInput): Promise<ComposedEmail | null> {
    const registration = await manager.findOne(Registration, {
      select: { id: true, status: true, eventId: true },
      where: { id: message.params.registrationId },
    });
    // Answered (or registered some other way) before the email went out: nothing to ask.
    if (registration?.status !== RegistrationStatus.INVITED) return null;
    const event = await this.contexts.get(manager, registration.eventId);
    if (!event || ![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) return null;
    const token = issueToken({
      purpose: TokenPurpose.INVITATION_RESPONSE,
      subjectId: registration.id,
      expiresAt: event.endsAt,
    });
    const respond = `${this.config.PUBLIC_URL}/invitations/respond?token=${token}`;
    return invitationEmail({
      locale: participant.locale === 'en' ? 'en' : 'ja',
      participantName: participant.name,
      event,
      acceptUrl: `${respond}&accept=1`,
      declineUrl: `${respond}&accept=0`,
      unsubscribeUrl,
    });
  }
}
