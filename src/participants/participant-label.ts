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

/**
 * Who someone erased since (個人情報の削除) is to the people they met or asked: nobody by name. Their
 * row keeps a placeholder (「（削除済み）」) that staff read as such; participants are never shown it.
 * Those who read a name from a participant row use this to carry "no name" (null) instead.
 */
/** The GraphQL description of `erased` on every type that names another participant. */
export const ERASED_FIELD_DESCRIPTION =
  '個人情報の削除済み。true なら name は「（削除済み）」（スタッフ向けの目印）で連絡先はありません。' +
  '参加者向けの画面では名前を出さず、「参加者の方」（英語: A participant）と表示してください';

export function nameShownToOthers(participant: { name: string; erasedAt: Date | null }): string | null {
  return participant.erasedAt ? null : participant.name;
}

/**
 * The other side as a participant reads them in a list or on a line of their own: the label with
 * 様 in Japanese, or, for someone erased since, 「参加者の方」 / "A participant" (as the email about
 * an erased person who left words it).
 */
export function counterpartLine(locale: MailLocale, name: string | null, company: string | null): string {
  if (name === null) return locale === 'en' ? 'A participant' : '参加者の方';
  const label = participantLabel(locale, name, company);
  return locale === 'en' ? label : `${label} 様`;
}

/**
 * The address staff may write to, for lists they export: none for someone erased, whose row keeps a
 * placeholder (`erased-…@invalid`) only so that the address column stays unique.
 */
export function emailOnRecord(participant: { email: string; erasedAt: Date | null }): string | null {
  return participant.erasedAt ? null : participant.email;
}
