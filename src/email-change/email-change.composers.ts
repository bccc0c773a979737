import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail, organiserContactPoint } from '../mail/templates/email-layout';
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
 * the new one partly, who made the change, and whom to ask (with their contact) if it is a surprise.
 */
@Injectable()
export class EmailChangedNoticeComposer implements MailComposer {
  readonly template = EMAIL_CHANGED_NOTICE_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const locale = languageOf(participant);
    const changedBy = message.params.changedByUserId
      ? await this.staffOrganization(manager, message.params.changedByUserId)
      : null;
    // Whom to ask if the change is a surprise: whoever made it, or else the organiser of the last
    // event the person was registered for or invited to.
    const ask = changedBy ?? (await this.lastOrganiser(manager, participant.id));
    const named = (organisation: OrganisationContact) =>
      organisation.name === null
        ? 'Tsunagu' // an administrator belongs to no organisation: the service itself made it
        : organizationNameFor({ name: organisation.name, nameEn: organisation.nameEn }, locale);
    return emailChangedNoticeEmail({
      locale,
      participantName: participant.name,
      newEmailHint: addressHint(participant.email),
      changedByOrganization: changedBy && named(changedBy),
      ask: ask && { organization: named(ask), reach: organiserContactPoint(locale, ask) },
      merged: message.params.merged === 'true',
    });
  }

  /** The staff member's organisation; all null for an administrator, who belongs to none. */
  private async staffOrganization(manager: EntityManager, userId: string): Promise<OrganisationContact> {
    const [row]: OrganisationContact[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1`,
      [userId],
    );
    return row ?? { name: null, nameEn: null, email: null, phone: null };
  }

  private async lastOrganiser(
    manager: EntityManager,
    participantId: string,
  ): Promise<OrganisationContact | null> {
    const [row]: OrganisationContact[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM registrations r
         JOIN events e ON e.id = r.event_id JOIN organizations o ON o.id = e.organization_id
        WHERE r.participant_id = $1 ORDER BY e.starts_at DESC LIMIT 1`,
      [participantId],
    );
    return row ?? null;
  }
}

interface OrganisationContact {
  name: string | null;
  nameEn: string | null;
  email: string | null;
  phone: string | null;
}

const CONTACT_COLUMNS = `o.name, o.name_en AS "nameEn", o.contact_email AS email, o.contact_phone AS phone`;
