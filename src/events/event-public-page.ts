import { escapeHtml, PageContent } from '../common/html/html-page';
import { organiserContactPoint } from '../mail/templates/email-layout';
import { organizationNameFor } from '../organizations/organization-name';
import { eventDescriptionFor, eventTitleFor, eventVenueFor } from './event-title';
import { themesFor } from '../mail/templates/event-about';
import { formatDeadline, formatEventTime } from '../mail/templates/mail-dates';
import { EventStatus, EventVisibility } from './event-enums';
import { EVENT_KIND_LABEL, EVENT_KIND_LABEL_EN } from './event-labels';
import { Event } from './event.entity';
import { RegistrationWindow } from './registration-window';

/** Only what the shared feed shows, a published public event, has a public page. */
export function hasPublicPage(event: Pick<Event, 'status' | 'visibility'>): boolean {
  return event.status === EventStatus.PUBLISHED && event.visibility === EventVisibility.PUBLIC;
}

/** The public page of an event, in the reader's language (`?lang=en` for English). */
export function eventPageUrl(publicUrl: string, eventId: string, locale: 'ja' | 'en' = 'ja'): string {
  return `${publicUrl}/events/${eventId}${locale === 'en' ? '?lang=en' : ''}`;
}

/** Where the page's 参加のお申込 stands: the window, and whether a seat is left. */
export interface ApplicationState {
  window: RegistrationWindow;
  /** Every seat is taken: an application goes on the waiting list. */
  full: boolean;
}

/** What the page says after its form was sent: the answer, or what to put right. */
export type FormAnswer = { sent: true } | { invalidEmail: string };

type PageLang = 'ja' | 'en';

/**
 * The address the page is shown at, where its form's relative action starts from: the event's own
 * (GET /events/<id>), or the form's answer (POST /events/<id>/apply), which shows the form again
 * when the address needs checking.
 */
export type EventPageAddress = 'EVENT' | 'APPLY';

/** How the page is shown: its language, its address, and the answer to its form once sent. */
export interface EventPageView {
  lang: PageLang;
  at: EventPageAddress;
  answer?: FormAnswer;
}

const TEXT = {
  ja: {
    notFoundTitle: 'イベントが見つかりません',
    notFound: '公開中のイベントではありません。',
    rows: {
      kind: '種類',
      date: '日時',
      venue: '会場',
      online: 'オンライン',
      organiser: '主催',
      coHosts: '共催',
      themes: 'テーマ',
    },
    inJapanese: '',
    hostsJoin: '、',
    heading: '参加のお申込',
    notYetOpen: (opens: string | null) => `受付前です。お申込は${opens ? `${opens}から` : ''}受け付けます。`,
    closed: (organiser: string) => `受付を終了しました。ご不明な点は${organiser}にお問い合わせください。`,
    sent: (organiser: string) =>
      `ご登録のメールアドレスあてに、お申込用のリンクをお送りしました（ご登録がない場合は届きません。${organiser}にお問い合わせください）。`,
    full: '定員に達しているため、キャンセル待ちでのお申込になります。',
    prompt: '主催者にご登録のメールアドレスを入力してください。お申込用のリンクをお送りします。',
    invalid: 'メールアドレスの形式をご確認ください。',
    email: 'メールアドレス',
    button: '申込用のリンクを受け取る',
    organiser: (name: string, contact: string) =>
      contact ? `主催者 ${name}（${contact}）` : `主催者 ${name}`,
  },
  en: {
    notFoundTitle: 'Event not found',
    notFound: 'This is not a published event.',
    rows: {
      kind: 'Type',
      date: 'Date',
      venue: 'Venue',
      online: 'Online',
      organiser: 'Organised by',
      coHosts: 'Co-hosted by',
      themes: 'Themes',
    },
    inJapanese: '(in Japanese)',
    hostsJoin: ', ',
    heading: 'Register',
    notYetOpen: (opens: string | null) =>
      `Registration is not open yet.${opens ? ` It opens on ${opens}.` : ''}`,
    closed: (organiser: string) =>
      `Registration is closed. If you have any questions, please contact ${organiser}.`,
    sent: (organiser: string) =>
      `If the organiser has this email address, we have sent a link to register to it. If no email arrives, please contact ${organiser}.`,
    full: 'The event is full, so you will be put on the waiting list.',
    prompt: 'Enter the email address the organiser has for you, and we will send you a link to register.',
    invalid: 'Please check the email address.',
    email: 'Email address',
    button: 'Send me the link',
    organiser: (name: string, contact: string) => (contact ? `${name} (${contact})` : name),
  },
} as const;

/** The page for an event that has none (not published, not public, or no such event). */
export function eventNotFoundPage(lang: PageLang = 'ja'): PageContent {
  return { lang, title: TEXT[lang].notFoundTitle, body: `<p>${escapeHtml(TEXT[lang].notFound)}</p>` };
}

export const EVENT_NOT_FOUND_PAGE: PageContent = eventNotFoundPage('ja');

/**
 * The page's language: `?lang=en` or `?lang=ja` as the links we write for a participant give it
 * (their emails' calendar entries, the signed-in page), otherwise the browser's preference.
 */
export function eventPageLang(query: unknown, browser: PageLang): PageLang {
  return query === 'en' || query === 'ja' ? query : browser;
}

/**
 * The public page of an event: what it is, and the 参加のお申込 form while it takes applications.
 * The form only asks for an address; the link to confirm goes there, so nobody registers someone
 * else and nobody learns whose address is known. In Japanese, or in English for a reader who
 * asks for it (with the English title and description where the organiser gave them; without,
 * the Japanese description is said to be in Japanese).
 */
export function eventPublicPage(event: Event, state: ApplicationState, view: EventPageView): PageContent {
  return {
    lang: view.lang,
    title: eventTitleFor(event, view.lang),
    body: `${eventDetails(event, view.lang)}\n${applicationSection(event, state, view)}`,
  };
}

function eventDetails(event: Event, lang: PageLang): string {
  const text = TEXT[lang];
  const coHosts = event.coHosts.map((host) => organizationNameFor(host, lang)).join(text.hostsJoin);
  const rows: [string, string][] = [
    [text.rows.kind, (lang === 'en' ? EVENT_KIND_LABEL_EN : EVENT_KIND_LABEL)[event.kind]],
    [text.rows.date, formatEventTime(lang, event.startsAt, event.endsAt)],
    [text.rows.venue, eventVenueFor(event, lang) ?? ''],
    [text.rows.online, event.onlineUrl ?? ''],
    [text.rows.organiser, organizationNameFor(event.organization, lang)],
    [text.rows.coHosts, coHosts],
    [text.rows.themes, themesFor(lang, event.themes)],
  ];
  const list = rows
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const { text: about, inJapanese } = eventDescriptionFor(event, lang);
  const description = about
    ? `${inJapanese ? `<p><small>${escapeHtml(text.inJapanese)}</small></p>\n<p lang="ja">` : '<p>'}${escapeHtml(about).replace(/\n/g, '<br>')}</p>`
    : '';
  return `<dl>${list}</dl>\n${description}`;
}

/** 主催者 <name>（<contact>） / <name> (<contact>): the name the page's 主催 line gives, in its language. */
function organiser(event: Event, lang: PageLang): string {
  const { contactEmail, contactPhone } = event.organization;
  const contact = organiserContactPoint(lang, { email: contactEmail, phone: contactPhone });
  return TEXT[lang].organiser(organizationNameFor(event.organization, lang), contact);
}

function applicationSection(
  event: Event,
  state: ApplicationState,
  { lang, at, answer }: EventPageView,
): string {
  const text = TEXT[lang];
  const heading = `<h2>${escapeHtml(text.heading)}</h2>`;
  if (state.window === 'NOT_YET_OPEN') {
    const opens = event.registrationOpensAt ? formatDeadline(lang, event.registrationOpensAt) : null;
    return `${heading}\n<p>${escapeHtml(text.notYetOpen(opens))}</p>`;
  }
  if (state.window === 'CLOSED') {
    return `${heading}\n<p>${escapeHtml(text.closed(organiser(event, lang)))}</p>`;
  }
  if (answer && 'sent' in answer) {
    return `${heading}\n<p>${escapeHtml(text.sent(organiser(event, lang)))}</p>`;
  }
  const full = state.full ? `<p>${escapeHtml(text.full)}</p>` : '';
  const invalid =
    answer && 'invalidEmail' in answer ? `<p><strong>${escapeHtml(text.invalid)}</strong></p>` : '';
  const value = answer && 'invalidEmail' in answer ? answer.invalidEmail : '';
  // Relative, so that it holds behind any prefix: from /events/<id> and from /events/<id>/apply
  // alike, it posts to /events/<id>/apply. It names the page's language, so the answer is in it
  // however the page came to be in it (?lang=, or the browser's).
  const action = `${at === 'APPLY' ? 'apply' : `${event.id}/apply`}?lang=${lang}`;
  return [
    heading,
    full,
    `<p>${escapeHtml(text.prompt)}</p>`,
    invalid,
    `<form method="post" action="${escapeHtml(action)}">` +
      `<p><label>${escapeHtml(text.email)}<br><input type="email" name="email" required maxlength="320" autocomplete="email" style="width:100%;box-sizing:border-box;font:inherit;padding:8px" value="${escapeHtml(value)}"></label></p>` +
      `<button type="submit">${escapeHtml(text.button)}</button></form>`,
  ]
    .filter(Boolean)
    .join('\n');
}
