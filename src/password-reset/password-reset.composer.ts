import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { passwordResetEmail } from './password-reset.template';

export const PASSWORD_RESET_TEMPLATE = 'password-reset';

/** The reset link is minted here, at send time, so no raw token is ever stored. */
@Injectable()
export class PasswordResetComposer implements MailComposer {
  readonly template = PASSWORD_RESET_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant: staff, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    // Only staff accounts have a password; the recipient of a `userId` row is the staff member.
    if (!message.userId) return null;
    // The validity runs from the request, not from when the queue got to it.
    const expiresAt = new Date(
      Number(message.params.requestedAt) + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000,
    );
    if (expiresAt.getTime() <= Date.now()) return null;
    const token = issueToken({ purpose: TokenPurpose.PASSWORD_RESET, subjectId: message.userId, expiresAt });
    return passwordResetEmail({
      staffName: staff.name,
      email: staff.email,
      resetUrl: `${this.config.PUBLIC_URL}/password-reset?token=${token}`,
      validMinutes: Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000)),
    });
  }
}
