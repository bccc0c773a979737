import { MailLocale } from '../mail/templates/email-layout';

/**
 * How one participant is named to another in emails, pages and calendar entries. Japanese
 * business style puts the company first and the honorific last (「大和田印刷株式会社 髙橋 一郎 様」),
 * so the sentence adds 様 after this label; English reads "Ichiro Takahashi (Company)".
 */
export function participantLabel(locale: MailLocale, name: string, company: string | null): string {
  if (!company) return name;
  return locale === 'en' ? `${name} (${company})` : `${company} ${name}`;
}
