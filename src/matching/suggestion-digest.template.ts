import { escapeHtml } from '../common/html/html-page';
import { EventMailContext } from '../mail/event-mail-context';
import {
  eventPlaceDetails,
  ComposedEmail,
  detailsHtml,
  detailsText,
  EmailDetail,
  emailPageHtml,
  eventSenderLines,
  footerHtml,
  footerText,
  greetingFor,
  inBrackets,
  ITEM_MARK,
  MailLocale,
  NOTE_MARK,
  notesHtml,
} from '../mail/templates/email-layout';
import { formatEventTime } from '../mail/templates/mail-dates';

export interface DigestItem {
  name: string;
  companyName: string | null;
  title: string | null;
  /** Industry and municipality, as far as the profile gives them: 「製造業／東京都葛飾区」. */
  about: string | null;
  /** From the public profile, in the reader's words for it (may be empty). */
  offers: string;
  needs: string;
  reasons: string[];
  requestUrl: string;
}

export interface SuggestionDigestData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  items: DigestItem[];
  /** An earlier digest of the event went to them: this one introduces the people new since. */
  followUp: boolean;
  unsubscribeUrl: string | null;
}

const TEXT = {
  ja: {
    subject: (title: string) => `【おすすめの面談相手】${title}`,
    intro: (title: string, count: number) =>
      `${inBrackets(title)}にご参加の皆さまのプロフィールから、お会いになることをおすすめしたい方を${count}名ご紹介します。`,
    followUp: (title: string, count: number) =>
      `前回のご案内に続き、${inBrackets(title)}でお会いになることをおすすめしたい方を新たに${count}名ご紹介します。`,
    how: (withoutSlots: boolean) =>
      withoutSlots
        ? 'お話ししてみたい方がいらっしゃいましたら、「面談を申し込む」からお申込ください。相手の方が承諾すると面談が成立し、双方にお知らせします。このイベントでは面談の時間枠を設けていませんので、当日、会場でお声がけください。'
        : 'お話ししてみたい方がいらっしゃいましたら、「面談を申し込む」からお申込ください。相手の方が承諾すると面談が成立し、当日の時間と場所をお知らせします。',
    event: 'イベント',
    date: '日時',
    person: (item: DigestItem) =>
      `${item.companyName ? `${item.companyName}\u3000` : ''}${item.name} 様${item.title ? `（${item.title}）` : ''}`,
    offers: '提供できること',
    needs: '求めること',
    request: '面談を申し込む',
    notes: [
      '連絡先（メールアドレス・電話番号）は、お互いが面談に合意した後にお知らせします。',
      'リンクは開催終了まで有効です。',
    ],
  },
  en: {
    subject: (title: string) => `People to meet at ${title}`,
    intro: (title: string, count: number) =>
      `Based on the profiles of the participants of "${title}", ${count === 1 ? 'here is 1 person' : `here are ${count} people`} we think you should meet.`,
    followUp: (title: string, count: number) =>
      `Following our last email, ${count === 1 ? 'here is 1 more person' : `here are ${count} more people`} we think you should meet at "${title}".`,
    how: (withoutSlots: boolean) =>
      withoutSlots
        ? 'If you would like to talk to someone, choose "Request a meeting". Once they accept, we will let you both know; this event has no set meeting times, so please find each other at the venue on the day.'
        : 'If you would like to talk to someone, choose "Request a meeting". Once they accept, we will send you the time and place.',
    event: 'Event',
    date: 'Date',
    person: (item: DigestItem) =>
      `${item.name}${item.title ? `, ${item.title}` : ''}${item.companyName ? ` (${item.companyName})` : ''}`,
    offers: 'They offer',
    needs: 'They are looking for',
    request: 'Request a meeting',
    notes: [
      'Contact details (email, phone) are shared only after both of you have agreed to meet.',
      'The links work until the event ends.',
    ],
  },
} as const;

/**
 * The suggestion digest: up to five people, each with the reasons and their own 「面談を申し込む」
 * button. Rendered here rather than with the shared layout because that layout has a single row
 * of actions, and a digest needs one per person; the page, details and footer are the layout's own.
 */
export function suggestionDigestEmail(data: SuggestionDigestData): ComposedEmail {
  const text = TEXT[data.locale];
  const { event } = data;
  const details = [
    { label: text.event, value: event.title },
    { label: text.date, value: formatEventTime(data.locale, event.startsAt, event.endsAt) },
    ...eventPlaceDetails(data.locale, event),
  ];
  const sender = eventSenderLines(data.locale, event);
  const greeting = greetingFor(data.locale, data.participantName);
  const intro = data.followUp ? text.followUp : text.intro;
  const paragraphs = [intro(event.title, data.items.length), text.how(event.withoutSlots ?? false)];
  const subject = text.subject(event.title);
  return {
    subject,
    text: renderText(data, { greeting, paragraphs, details, sender }),
    html: renderHtml(data, { subject, greeting, paragraphs, details, sender }),
  };
}

interface Parts {
  greeting: string;
  paragraphs: string[];
  details: EmailDetail[];
  sender: string[];
}

/** Who the person is, under their name: industry and area, what they offer and look for. */
function profileLines(locale: MailLocale, item: DigestItem): string[] {
  const text = TEXT[locale];
  return [
    ...(item.about ? [item.about] : []),
    ...(item.offers ? [`${text.offers}: ${item.offers}`] : []),
    ...(item.needs ? [`${text.needs}: ${item.needs}`] : []),
  ];
}

function renderText(data: SuggestionDigestData, parts: Parts): string {
  const text = TEXT[data.locale];
  const lines: string[] = [parts.greeting, ''];
  for (const paragraph of parts.paragraphs) lines.push(paragraph, '');
  lines.push(...detailsText(parts.details), '');
  data.items.forEach((item, index) => {
    lines.push(`${index + 1}. ${text.person(item)}`);
    for (const line of profileLines(data.locale, item)) lines.push(`   ${line}`);
    for (const reason of item.reasons) lines.push(`   ${ITEM_MARK[data.locale]}${reason}`);
    lines.push(`   ▶ ${text.request}`, `   ${item.requestUrl}`, '');
  });
  for (const note of text.notes) lines.push(`${NOTE_MARK[data.locale]}${note}`);
  lines.push('', ...footerText(data.locale, parts.sender, data.unsubscribeUrl));
  return lines.join('\n') + '\n';
}

function renderHtml(data: SuggestionDigestData, parts: Parts & { subject: string }): string {
  const text = TEXT[data.locale];
  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const items = data.items
    .map(
      (item, index) => `<div style="margin:0 0 16px;padding:16px;border:1px solid #e4e7eb;border-radius:8px">
<p style="margin:0 0 8px;font-weight:bold">${index + 1}. ${escapeHtml(text.person(item))}</p>
${profileHtml(data.locale, item)}
<ul style="margin:0 0 12px;padding-left:20px">${item.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>
<a href="${escapeHtml(item.requestUrl)}" style="display:inline-block;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:bold;background:#1d4ed8;color:#ffffff;border:1px solid #1d4ed8">${escapeHtml(text.request)}</a>
</div>`,
    )
    .join('\n');
  const notes = notesHtml(data.locale, text.notes);
  return emailPageHtml(
    data.locale,
    parts.subject,
    `${p(parts.greeting)}
${parts.paragraphs.map(p).join('\n')}
${detailsHtml(parts.details)}
${items}
${notes}`,
    footerHtml(data.locale, parts.sender, data.unsubscribeUrl),
  );
}

function profileHtml(locale: MailLocale, item: DigestItem): string {
  const lines = profileLines(locale, item);
  if (lines.length === 0) return '';
  return `<p style="margin:0 0 8px;color:#52606d;font-size:14px">${lines.map(escapeHtml).join('<br>')}</p>`;
}
