import { ComposedEmail, greetingFor, renderEmail } from '../mail/templates/email-layout';

export interface PasswordResetEmailData {
  staffName: string;
  /** The address the account logs in with. */
  email: string;
  resetUrl: string;
  validMinutes: number;
}

/** Transactional, asked for by the reader: no unsubscribe link. Japanese: staff mail. */
export function passwordResetEmail(data: PasswordResetEmailData): ComposedEmail {
  return renderEmail({
    locale: 'ja',
    subject: '【Tsunagu】パスワード再設定のご案内',
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [
      'Tsunagu のパスワード再設定のお申込を受け付けました。下のボタンから新しいパスワードを設定してください。',
    ],
    details: [{ label: 'アカウント（ログインに使うメールアドレス）', value: data.email }],
    actions: [{ label: 'パスワードを再設定する', url: data.resetUrl, primary: true }],
    notes: [
      `リンクの有効期限は ${data.validMinutes} 分で、1回のみ使用できます。`,
      '新しいパスワードを設定すると、ログイン中のすべての端末でログアウトします。',
      'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されず、これまでどおりお使いいただけます。',
    ],
    // The layout's own line says it comes from Tsunagu; an account's email has no organiser.
    sender: [],
  });
}
