import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { organizationNameFor } from '../organizations/organization-name';
import { languageOf } from '../participants/participant-kind';
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from './email-address.service';
import { EmailChangeRequest } from './email-change-request.entity';
import { addressHint, emailChangeConfirmationEmail, emailChangedNoticeEmail } from './email-change.templates';

export const EMAIL_CHANGE_CONFIRMATION_TEMPLATE = 'email-change-confirmation';
/** How long the link in 【メールアドレス変更のご確認】 works, from the request. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

/** 【メールアドレス変更のご確認】 to the new address (the outbox row's `toAddress`). */
@Injectable()
export class EmailChangeConfirmationComposer implements MailComposer {
  readonly template = EMAIL_CHANGE_CONFIRMATION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOneBy(EmailChangeRequest, { id: message.params.requestId });
    if (!request || request.confirmedAt || request.participantId !== participant.id) return null;
    // The validity runs from the request, not from when the queue got to it.
    const expiresAt = new Date(Number(message.params.requestedAt) + EMAIL_CHANGE_LINK_HOURS * 3_600_000);
    if (expiresAt.getTime() <= Date.now()) return null;
    const token = issueToken({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: request.id, expiresAt });
    return emailChangeConfirmationEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      newEmail: request.newEmail,
      confirmUrl: `${this.config.PUBLIC_URL}/email-change?token=${token}`,
      validHours: EMAIL_CHANGE_LINK_HOURS,
    });
  }
}

/**
 * 【メールアドレス変更のお知らせ】 to the address the person left (the row's `toAddress`), naming
 * the new one partly and, when staff made the change, their organisation.
 */
@Injectable()
export class EmailChangedNoticeComposer implements MailComposer {
  readonly template = EMAIL_CHANGED_NOTICE_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const locale = languageOf(participant);
    let changedByOrganization: string | null = null;
    if (message.params.changedByUserId) {
      const [staff]: { name: string | null; nameEn: string | null }[] = await manager.query(
        `SELECT o.name, o.name_en AS "nameEn" FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
          WHERE u.id = $1`,
        [message.params.changedByUserId],
      );
      // An administrator belongs to no organisation: the service itself made the change.
      changedByOrganization = staff?.name
        ? organizationNameFor({ name: staff.name, nameEn: staff.nameEn }, locale)
        : 'Tsunagu';
    }
    return emailChangedNoticeEmail({
      locale,
      participantName: participant.name,
      newEmailHint: addressHint(participant.email),
      changedByOrganization,
      merged: message.params.merged === 'true',
    });
  }
}
