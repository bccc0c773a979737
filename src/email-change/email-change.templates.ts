import { ComposedEmail, MailLocale, greetingFor, renderEmail } from '../mail/templates/email-layout';

export interface ConfirmationEmailData {
  locale: MailLocale;
  participantName: string;
  newEmail: string;
  confirmUrl: string;
  validHours: number;
}

/** To the new address, asked for by the reader: transactional, no organiser (like a sign-in link). */
export function emailChangeConfirmationEmail(data: ConfirmationEmailData): ComposedEmail {
  if (data.locale === 'en') {
    return renderEmail({
      locale: 'en',
      subject: 'Confirm your new email address for Tsunagu',
      greeting: greetingFor('en', data.participantName),
      paragraphs: [
        `You asked to use this address (${data.newEmail}) for Tsunagu from now on.`,
        'Press the button below to confirm it. Until you do, emails keep going to your current address.',
      ],
      actions: [{ label: 'Confirm the new address', url: data.confirmUrl, primary: true }],
      notes: [
        `The link works once, for ${data.validHours} hours.`,
        'If you did not ask for this, you can ignore this email: nothing changes.',
      ],
      sender: [],
    });
  }
  return renderEmail({
    locale: 'ja',
    subject: '【Tsunagu】メールアドレス変更のご確認',
    greeting: greetingFor('ja', data.participantName),
    paragraphs: [
      `Tsunagu にご登録のメールアドレスを、このアドレス（${data.newEmail}）に変更するお申込みを受け付けました。`,
      '下のボタンから変更を確定してください。確定するまでは、これまでのアドレスにご案内をお送りします。',
    ],
    actions: [{ label: 'メールアドレスを変更する', url: data.confirmUrl, primary: true }],
    notes: [
      `リンクの有効期限は ${data.validHours} 時間で、1回のみ使用できます。`,
      'お心当たりのない場合は、このメールを破棄してください。登録内容は変わりません。',
    ],
    sender: [],
  });
}

export interface StaffConfirmationEmailData {
  staffName: string;
  newEmail: string;
  /** Who asked for the change (「葛飾区商工会議所の青戸 主催様」); null if their account is gone. */
  requestedBy: string | null;
  confirmUrl: string;
  validHours: number;
}

/**
 * To a staff account's new login address, asked for by whoever manages the account. Japanese:
 * staff mail. It says who asked, so that the owner of the address knows what it is about.
 */
export function staffEmailChangeConfirmationEmail(data: StaffConfirmationEmailData): ComposedEmail {
  return renderEmail({
    locale: 'ja',
    subject: '【Tsunagu】メールアドレス変更のご確認',
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [
      `${data.requestedBy ?? '管理者または主催者'}から、Tsunagu のログイン用メールアドレスを、このアドレス（${data.newEmail}）に変更する依頼がありました。`,
      '下のボタンから変更を確定してください。確定すると、このアドレスとこれまでのパスワードでログインできるようになります。確定するまでは、これまでのアドレスでログインしてください。',
    ],
    actions: [{ label: 'メールアドレスを変更する', url: data.confirmUrl, primary: true }],
    notes: [
      `リンクの有効期限は ${data.validHours} 時間で、1回のみ使用できます。`,
      'お心当たりのない場合は、このメールを破棄してください。アカウントは変わりません。',
    ],
    sender: [],
  });
}

export interface StaffChangedNoticeData {
  staffName: string;
  /** The new login address, partly hidden. */
  newEmailHint: string;
  /** Who asked for the change; null if their account is gone. */
  requestedBy: string | null;
}

/** To the login address a staff account left, once the new one confirmed: whom to ask if it is a surprise. */
export function staffEmailChangedNoticeEmail(data: StaffChangedNoticeData): ComposedEmail {
  return renderEmail({
    locale: 'ja',
    subject: '【Tsunagu】メールアドレス変更のお知らせ',
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [
      `${data.requestedBy ?? '管理者または主催者'}の依頼により、Tsunagu のログイン用メールアドレスを ${data.newEmailHint} に変更しました（新しいアドレスで確認済みです）。`,
      '今後は新しいアドレスと、これまでのパスワードでログインしてください。このアドレスではログインできません。',
    ],
    notes: [
      `お心当たりのない場合は、${data.requestedBy ?? '所属団体の主催者または Tsunagu の管理者'}にお問い合わせください。`,
    ],
    sender: [],
  });
}

export interface ChangedNoticeData {
  locale: MailLocale;
  participantName: string;
  /** The new address, partly hidden. */
  newEmailHint: string;
  /** The organisation whose staff made the change; null when the person did. */
  changedByOrganization: string | null;
  /**
   * Whom to ask if the change is a surprise, and how to reach them ('' if the organisation left
   * no contact): who made it, or the organiser of the person's last event; null if neither.
   */
  ask: { organization: string; reach: string } | null;
  /** The change came from staff merging two profiles of the person (名寄せ), this address's and another. */
  merged?: boolean;
}

/** To the address the person left: the change is no surprise to them, or they can act on it. */
export function emailChangedNoticeEmail(data: ChangedNoticeData): ComposedEmail {
  if (data.locale === 'en') {
    return renderEmail({
      locale: 'en',
      subject: data.merged
        ? 'Your two registrations with Tsunagu are now one'
        : 'Your email address for Tsunagu has changed',
      greeting: greetingFor('en', data.participantName),
      paragraphs: [
        data.merged
          ? `You were registered with Tsunagu twice, under this address and under ${data.newEmailHint}. The staff of ${data.changedByOrganization} have joined the two into one, under ${data.newEmailHint}; your registrations and meetings are kept there.`
          : data.changedByOrganization
            ? `The staff of ${data.changedByOrganization} changed your email address for Tsunagu to ${data.newEmailHint}.`
            : `Your email address for Tsunagu was changed to ${data.newEmailHint}, as you asked.`,
        `From now on, invitations, sign-in links and everything else go to ${data.merged ? data.newEmailHint : 'the new address'}, not to this one.`,
      ],
      notes: [
        `${data.changedByOrganization ? 'If this is not right' : 'If you did not make this change'}, please contact ${
          data.ask
            ? `${data.ask.organization}${data.ask.reach ? ` (${data.ask.reach})` : ''}`
            : 'the organiser of your events'
        }.`,
      ],
      sender: [],
    });
  }
  return renderEmail({
    locale: 'ja',
    subject: data.merged ? '【Tsunagu】ご登録の統合のお知らせ' : '【Tsunagu】メールアドレス変更のお知らせ',
    greeting: greetingFor('ja', data.participantName),
    paragraphs: [
      data.merged
        ? `Tsunagu には、このアドレスと ${data.newEmailHint} の2つでご登録がありました。${data.changedByOrganization}の担当者が、${data.newEmailHint} のご登録に一つにまとめました。参加登録や面談の予定はそちらに引き継いでいます。`
        : data.changedByOrganization
          ? `${data.changedByOrganization}の担当者が、Tsunagu にご登録のメールアドレスを ${data.newEmailHint} に変更しました。`
          : `お申込みにより、Tsunagu にご登録のメールアドレスを ${data.newEmailHint} に変更しました。`,
      `今後のご招待・ログイン用リンクなどのご案内は、${data.merged ? `${data.newEmailHint} ` : '新しいアドレス'}にお送りします。このアドレスには届きません。`,
    ],
    notes: [
      `お心当たりのない場合は、${
        data.ask
          ? `${data.ask.organization}${data.ask.reach ? `（${data.ask.reach}）` : ''}`
          : 'ご参加のイベントの主催者'
      }にお問い合わせください。`,
    ],
    sender: [],
  });
}

/** 「ta***@example.jp」: enough for the owner to recognise, not to write to (nor to count). */
export function addressHint(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}
