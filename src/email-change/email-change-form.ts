import { emailField, escapeHtml } from '../common/html/html-page';
import { MailLocale } from '../mail/templates/email-layout';

const TEXT = {
  ja: {
    heading: 'メールアドレスの変更',
    current: (email: string) => `現在のアドレス: ${email}`,
    label: '新しいメールアドレス',
    button: '確認のメールを送る',
    hint: '（新しいアドレスに届くメールのボタンを押すと、変更が確定します）',
  },
  en: {
    heading: 'Change your email address',
    current: (email: string) => `Current address: ${email}`,
    label: 'New email address',
    button: 'Send the confirmation email',
    hint: '(the change takes effect when you press the button in the email sent to the new address)',
  },
} as const;

/**
 * The form on the signed-in page that asks for an address change (POST /email-change/request).
 * Pages read no session cookie, so the form carries the session it was shown with; the page is
 * at /sign-in, so the relative action posts beside it, behind any prefix.
 */
export function emailChangeFormHtml(locale: MailLocale, session: string, currentEmail: string): string {
  const text = TEXT[locale];
  return [
    `<h2 style="font-size:1rem;margin:24px 0 8px">${escapeHtml(text.heading)}</h2>`,
    `<p>${escapeHtml(text.current(currentEmail))}</p>`,
    '<form method="post" action="email-change/request">',
    `<input type="hidden" name="session" value="${escapeHtml(session)}">`,
    emailField(text.label),
    `<button type="submit">${escapeHtml(text.button)}</button>`,
    `<p><small>${escapeHtml(text.hint)}</small></p>`,
    '</form>',
  ].join('\n');
}
