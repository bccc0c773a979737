import { ComposedEmail, MailLocale, greetingFor, renderEmail } from '../mail/templates/email-layout';

export interface MagicLinkEmailData {
  locale: MailLocale;
  participantName: string;
  signInUrl: string;
  validMinutes: number;
}

/** Transactional: asked for by the reader, so no unsubscribe link. */
export function magicLinkEmail(data: MagicLinkEmailData): ComposedEmail {
  if (data.locale === 'en') {
    return renderEmail({
      locale: 'en',
      subject: 'Your Tsunagu sign-in link',
      greeting: greetingFor('en', data.participantName),
      paragraphs: ['Use the button below to sign in to Tsunagu.'],
      actions: [{ label: 'Sign in', url: data.signInUrl, primary: true }],
      notes: [
        `The link works once, for ${data.validMinutes} minutes.`,
        'If you did not ask to sign in, you can ignore this email.',
      ],
      // The layout's own line says it comes from Tsunagu; a sign-in link has no organiser.
      sender: [],
    });
  }
  return renderEmail({
    locale: 'ja',
    subject: '【Tsunagu】ログイン用リンクのお知らせ',
    greeting: greetingFor('ja', data.participantName),
    paragraphs: ['下のボタンから Tsunagu にログインしてください。'],
    actions: [{ label: 'ログインする', url: data.signInUrl, primary: true }],
    notes: [
      `リンクの有効期限は ${data.validMinutes} 分で、1回のみ使用できます。`,
      'お心当たりのない場合は、このメールを破棄してください。',
    ],
    sender: [],
  });
}
