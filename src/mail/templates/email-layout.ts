import { escapeHtml } from '../../common/html/html-page';
import { EmailShown } from '../email-shown';

export type MailLocale = 'ja' | 'en';

/** What a composer produces; the sender adds addresses and headers. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
  /**
   * Where a reply goes, for an organisation's email about no event (a mini-salon request's
   * receipt or answer); an event's email is answered to its organiser without it.
   */
  replyTo?: { name: string; address: string };
  /** What the email shows that later emails go by; the sender records it once the email is sent. */
  shown?: EmailShown;
}

export interface EmailAction {
  label: string;
  url: string;
  /** The main action gets the filled button. */
  primary?: boolean;
}

export interface EmailDetail {
  label: string;
  value: string;
  /** Set before the label and shown in colour, e.g. 【変更】 on a meeting that moved. */
  mark?: string;
}

/**
 * A part of its own after the details, under a heading (■ 時間が未定の面談): what it is about, then
 * one line per item. For things that must not read as more of the details above them.
 */
export interface EmailSection {
  heading: string;
  paragraphs: string[];
  items: string[];
}

/** The parts every email has, in the order a reader meets them. */
export interface EmailContent {
  locale: MailLocale;
  subject: string;
  /** e.g. 髙橋 一郎 様 / Dear Ichiro Takahashi, */
  greeting: string;
  paragraphs: string[];
  details?: EmailDetail[];
  sections?: EmailSection[];
  actions?: EmailAction[];
  notes?: string[];
  /**
   * Footer lines naming who sends it: for an event's email `eventSenderLines` (why the reader
   * gets it, the organiser and co-hosts, the organiser's address and contact).
   */
  sender: string[];
  unsubscribeUrl?: string | null;
}

const FOOTER = {
  ja: {
    via: 'このメールは Tsunagu（つなぐ）から送信しています。',
    unsubscribe: '今後のご案内メールが不要な方は、次のリンクから配信を停止できます。',
    unsubscribeLink: '配信停止',
  },
  en: {
    via: 'This email was sent through Tsunagu.',
    unsubscribe: 'If you no longer wish to receive these emails, you can unsubscribe here:',
    unsubscribeLink: 'Unsubscribe',
  },
} as const;

/** Plain text and HTML from the same content, both readable on a phone. */
export function renderEmail(content: EmailContent): ComposedEmail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

function renderText(content: EmailContent): string {
  const lines: string[] = [content.greeting, ''];
  for (const paragraph of content.paragraphs) lines.push(paragraph, '');
  if (content.details?.length) lines.push(...detailsText(content.details), '');
  for (const section of content.sections ?? []) {
    lines.push(`■ ${section.heading}`, ...section.paragraphs);
    const bullet = ITEM_MARK[content.locale];
    lines.push(...section.items.map((item) => `${bullet}${item.replace(/\n/g, '\n  ')}`), '');
  }
  for (const action of content.actions ?? []) lines.push(`▶ ${action.label}`, action.url, '');
  for (const note of content.notes ?? []) lines.push(`${NOTE_MARK[content.locale]}${note}`);
  if (content.notes?.length) lines.push('');
  lines.push(...footerText(content.locale, content.sender, content.unsubscribeUrl ?? null));
  return lines.join('\n') + '\n';
}

function renderHtml(content: EmailContent): string {
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const actions = (content.actions ?? [])
    .map((action) => {
      const style = action.primary
        ? 'background:#1d4ed8;color:#ffffff;border:1px solid #1d4ed8'
        : 'background:#ffffff;color:#1d4ed8;border:1px solid #1d4ed8';
      return `<a href="${escapeHtml(action.url)}" style="display:inline-block;margin:0 8px 12px 0;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:bold;${style}">${escapeHtml(action.label)}</a>`;
    })
    .join('');
  const notes = notesHtml(content.locale, content.notes ?? []);
  const sections = sectionsHtml(content.sections ?? []);
  return emailPageHtml(
    content.locale,
    content.subject,
    `${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join('\n')}
${detailsHtml(content.details ?? [])}
${sections}
<div style="margin:8px 0 16px">${actions}</div>
${notes}`,
    footerHtml(content.locale, content.sender, content.unsubscribeUrl ?? null),
  );
}

/** Each section under its heading: its paragraphs, then its items as a list. */
export function sectionsHtml(sections: EmailSection[]): string {
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  return sections
    .map(
      (section) =>
        `<h2 style="margin:24px 0 8px;font-size:16px">${escapeHtml(section.heading)}</h2>
${section.paragraphs.map(paragraph).join('\n')}
<ul style="margin:0 0 16px;padding-left:20px">${section.items.map((item) => `<li>${escapeHtml(item).replace(/\n/g, '<br>')}</li>`).join('')}</ul>`,
    )
    .join('\n');
}

/**
 * Before each note: ※ in Japanese; in English, where ※ is no mark a reader knows, an asterisk in
 * the plain text and nothing in the HTML (the small grey type sets notes apart there).
 */
export const NOTE_MARK: Record<MailLocale, string> = { ja: '※ ', en: '* ' };

/** The notes under the buttons, in small grey type. */
export function notesHtml(locale: MailLocale, notes: readonly string[]): string {
  const mark = locale === 'ja' ? NOTE_MARK.ja : '';
  return notes
    .map((note) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${mark}${escapeHtml(note)}</p>`)
    .join('');
}

/** The mark before each item of a list in the plain text: ・ in Japanese, - in English. */
export const ITEM_MARK: Record<MailLocale, string> = { ja: '・', en: '- ' };

/** "A", "A and B", "A, B and C": organisers named in an English sentence. */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** ■ 日時: 2026年12月1日(火) 18:00〜20:30 — a value's further lines indented under it. */
export function detailsText(details: EmailDetail[]): string[] {
  return details.map(({ label, value, mark }) => `■ ${mark ?? ''}${label}: ${value.replace(/\n/g, '\n  ')}`);
}

/**
 * Each detail as a small grey label line with its value below, not a two-column table: a label
 * can be long (an agenda puts the whole date and time in it), and beside its value on a 360px
 * phone it squeezed the value to a few characters a line. Stacking needs no media query, which
 * many mail clients ignore, and reads as well on a desktop.
 */
export function detailsHtml(details: EmailDetail[]): string {
  if (details.length === 0) return '';
  const rows = details
    .map(
      ({ label, value, mark }) =>
        `<div style="padding:8px 0;border-bottom:1px solid #e4e7eb"><div style="font-size:13px;color:#52606d">${mark ? `<strong style="color:#b42318">${escapeHtml(mark)}</strong>` : ''}${escapeHtml(label)}</div><div>${escapeHtml(value).replace(/\n/g, '<br>')}</div></div>`,
    )
    .join('');
  return `<div style="margin:0 0 16px;border-top:1px solid #e4e7eb">${rows}</div>`;
}

/** The footer after a rule: who sends it and why, the service, and the unsubscribe link. */
export function footerText(locale: MailLocale, sender: string[], unsubscribeUrl: string | null): string[] {
  const footer = FOOTER[locale];
  const lines = ['――――――――――――――――', ...sender, footer.via];
  if (unsubscribeUrl) lines.push('', footer.unsubscribe, unsubscribeUrl);
  return lines;
}

export function footerHtml(locale: MailLocale, sender: string[], unsubscribeUrl: string | null): string {
  const footer = FOOTER[locale];
  const unsubscribe = unsubscribeUrl
    ? `<p style="margin:12px 0 0">${escapeHtml(footer.unsubscribe)} <a href="${escapeHtml(unsubscribeUrl)}" style="color:#52606d">${escapeHtml(footer.unsubscribeLink)}</a></p>`
    : '';
  return `<div style="margin-top:24px;padding-top:12px;border-top:1px solid #e4e7eb;font-size:13px;color:#52606d">
${sender.map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`).join('')}
<p style="margin:8px 0 0">${escapeHtml(footer.via)}</p>
${unsubscribe}
</div>`;
}

/**
 * The page around an email's body (already-escaped HTML) and footer, 600px wide at most; a long
 * URL or address breaks anywhere rather than push a phone's screen wider.
 */
export function emailPageHtml(locale: MailLocale, subject: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;overflow-wrap:anywhere;font-family:-apple-system,'Hiragino Sans','Noto Sans JP',Meiryo,sans-serif;font-size:16px;line-height:1.7;color:#1f2933;background:#ffffff">
${body}
${footer}
</div>
</body></html>
`;
}

/** The footer lines naming who sends an event's email: the organiser and its co-hosts (共催). */
export function organiserLines(locale: MailLocale, organizer: string, coHosts: string[]): string[] {
  if (locale === 'en') {
    return [`Organised by ${organizer}`, ...(coHosts.length ? [`Co-hosted by ${coHosts.join(', ')}`] : [])];
  }
  return [`主催: ${organizer}`, ...(coHosts.length ? [`共催: ${coHosts.join('、')}`] : [])];
}

/** The email with replies going to the organisation's contact address, where it has one. */
export function repliedToOrganiser(
  email: ComposedEmail,
  name: string,
  address: string | null,
): ComposedEmail {
  return address ? { ...email, replyTo: { name, address } } : email;
}

/** How to reach an organiser; each part is optional (organisations created before it have none). */
export interface OrganiserContact {
  address: string | null;
  email: string | null;
  phone: string | null;
}

/** What an event's footer needs to know (EventMailContext has it). */
/**
 * Where an event is held, as detail lines: 会場, and オンライン参加 with the URL for an event held
 * online (or both). The same labels in every email about the event.
 */
export function eventPlaceDetails(
  locale: MailLocale,
  event: { venue: string | null; onlineUrl: string | null },
): EmailDetail[] {
  const label =
    locale === 'en' ? { venue: 'Venue', online: 'Online' } : { venue: '会場', online: 'オンライン参加' };
  return [
    ...(event.venue ? [{ label: label.venue, value: event.venue }] : []),
    ...(event.onlineUrl ? [{ label: label.online, value: event.onlineUrl }] : []),
  ];
}

export interface EventSender {
  title: string;
  organizer: string;
  coHosts: string[];
  organizerContact?: OrganiserContact;
}

/**
 * The footer of an event's email: why the reader gets it, who organises, and the organiser's
 * address and contact — 特定電子メール法 asks promotional mail (invitations, digests) for the
 * sender's name, address and a contact point, and a reader who wonders "why me?" finds the answer.
 */
export function eventSenderLines(locale: MailLocale, event: EventSender): string[] {
  const why =
    locale === 'en'
      ? `You are receiving this email because you registered for or were invited to "${event.title}", organised by ${event.organizer}.`
      : `このメールは、${event.organizer}が主催する${inBrackets(event.title)}にご登録の方、またはご招待した方にお送りしています。`;
  return [
    why,
    ...organiserLines(locale, event.organizer, event.coHosts),
    ...(event.organizerContact ? organiserContactLines(locale, event.organizerContact) : []),
  ];
}

/** 所在地 and お問い合わせ (email / phone) of the organiser, for the parts it has. */
export function organiserContactLines(locale: MailLocale, contact: OrganiserContact): string[] {
  const en = locale === 'en';
  const address = contact.address;
  const reach = organiserContactPoint(locale, contact);
  return [
    ...(address ? [`${en ? 'Address' : '所在地'}: ${address}`] : []),
    ...(reach ? [`${en ? 'Contact' : 'お問い合わせ'}: ${reach}`] : []),
  ];
}

/** The organiser's email and phone as one line (info@example.jp / TEL 03-…), or '' if it has none. */
export function organiserContactPoint(
  locale: MailLocale,
  { email, phone }: Pick<OrganiserContact, 'email' | 'phone'>,
): string {
  return [email, phone ? `${locale === 'en' ? 'Tel.' : 'TEL'} ${phone}` : null].filter(Boolean).join(' / ');
}

/** Whom to ask: the organiser named with how to reach them (〇〇商工会議所（info@… / TEL …）), or the name alone. */
export function organiserToAsk(locale: MailLocale, name: string, reach: string): string {
  if (!reach) return name;
  return locale === 'en' ? `${name} (${reach})` : `${name}（${reach}）`;
}

/**
 * 「title」 for Japanese text: brackets inside the title become 『』, so an organiser's
 * 「…in 葛飾「事業承継」」 reads 「…in 葛飾『事業承継』」 rather than nesting 「」 in 「」.
 */
export function inBrackets(title: string): string {
  return `「${title.replace(/「/g, '『').replace(/」/g, '』')}」`;
}

/** 髙橋 一郎 様 / Dear 髙橋 一郎, — names are written as the participant gave them. */
export function greetingFor(locale: MailLocale, name: string): string {
  return locale === 'en' ? `Dear ${name},` : `${name} 様`;
}
