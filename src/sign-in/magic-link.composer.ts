import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { magicLinkEmail } from './magic-link.template';

export const MAGIC_LINK_TEMPLATE = 'magic-link';

@Injectable()
export class MagicLinkComposer implements MailComposer {
  readonly template = MAGIC_LINK_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    // The validity runs from the request, not from when the queue got to it.
    const expiresAt = new Date(
      Number(message.params.requestedAt) + this.config.MAGIC_LINK_TTL_MINUTES * 60_000,
    );
    if (expiresAt.getTime() <= Date.now()) return null;
    const token = issueToken({ purpose: TokenPurpose.MAGIC_LINK, subjectId: participant.id, expiresAt });
    return magicLinkEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      signInUrl: `${this.config.PUBLIC_URL}/sign-in?token=${token}`,
      validMinutes: Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000)),
    });
  }
}
