import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail, organiserContactPoint } from '../mail/templates/email-layout';
import { organizationNameFor } from '../organizations/organization-name';
import { languageOf } from '../participants/participant-kind';
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from './email-address.service';
import { EMAIL_CHANGE_LINK_HOURS, EmailChangeRequest } from './email-change-request.entity';
import {
  addressHint,
  emailChangeConfirmationEmail,
  emailChangedNoticeEmail,
  staffEmailChangeConfirmationEmail,
  staffEmailChangedNoticeEmail,
} from './email-change.templates';

export const EMAIL_CHANGE_CONFIRMATION_TEMPLATE = 'email-change-confirmation';

/**
 * 【メールアドレス変更のご確認】 to the new address (the outbox row's `toAddress`): a participant's,
 * or a staff account's new login address (a `userId` row, whose recipient is the staff member).
 */
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
    if (!request || (request.participantId ?? request.userId) !== participant.id) return null;
    // Confirmed already, or replaced by a later request or called off before this went out; or
    // so long ago that its address is forgotten (EMAIL_CHANGE_RETENTION_DAYS).
    if (request.confirmedAt || request.replacedAt || request.calledOffAt || request.newEmail === null)
      return null;
    // The validity runs from the request, not from when the queue got to it.
    const expiresAt = new Date(Number(message.params.requestedAt) + EMAIL_CHANGE_LINK_HOURS * 3_600_000);
    if (expiresAt.getTime() <= Date.now()) return null;
    const token = issueToken({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: request.id, expiresAt });
    if (request.userId) {
      return staffEmailChangeConfirmationEmail({
        staffName: participant.name,
        newEmail: request.newEmail,
        requestedBy: request.requestedById && (await requesterOf(manager, request.requestedById)),
        confirmUrl: `${this.config.PUBLIC_URL}/email-change?token=${token}`,
        validHours: EMAIL_CHANGE_LINK_HOURS,
      });
    }
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
 * For a staff account (a `userId` row), the login address it left, and who asked for the change.
 */
@Injectable()
export class EmailChangedNoticeComposer implements MailComposer {
  readonly template = EMAIL_CHANGED_NOTICE_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    if (message.userId) {
      return staffEmailChangedNoticeEmail({
        staffName: participant.name,
        newEmailHint: addressHint(participant.email),
        requestedBy: message.params.changedByUserId
          ? await requesterOf(manager, message.params.changedByUserId)
          : null,
      });
    }
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

/**
 * Who asked for a staff account's new login address, as the emails name them: 「葛飾区商工会議所の
 * 青戸 主催様」, 「Tsunagu 管理者の…様」 for an admin (who belongs to no organisation); null if gone.
 */
async function requesterOf(manager: EntityManager, userId: string): Promise<string | null> {
  const [row]: { name: string; organization: string | null }[] = await manager.query(
    `SELECT u.name, o.name AS organization FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
      WHERE u.id = $1`,
    [userId],
  );
  return row ? `${row.organization ?? 'Tsunagu 管理者'}の${row.name}様` : null;
}

interface OrganisationContact {
  name: string | null;
  nameEn: string | null;
  email: string | null;
  phone: string | null;
}

const CONTACT_COLUMNS = `o.name, o.name_en AS "nameEn", o.contact_email AS email, o.contact_phone AS phone`;
