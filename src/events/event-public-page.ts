import { escapeHtml, PageContent } from '../common/html/html-page';
import { organiserContactPoint } from '../mail/templates/email-layout';
import { formatDeadline, formatEventTime } from '../mail/templates/mail-dates';
import { EventStatus, EventVisibility } from './event-enums';
import { EVENT_KIND_LABEL } from './event-labels';
import { Event } from './event.entity';
import { RegistrationWindow } from './registration-window';

/** Only what the shared feed shows, a published public event, has a public page. */
export function hasPublicPage(event: Pick<Event, 'status' | 'visibility'>): boolean {
  return event.status === EventStatus.PUBLISHED && event.visibility === EventVisibility.PUBLIC;
}

/** Where the page's 参加のお申込 stands: the window, and whether a seat is left. */
export interface ApplicationState {
  window: RegistrationWindow;
  /** Every seat is taken: an application goes on the waiting list. */
  full: boolean;
}

/** What the page says after its form was sent: the answer, or what to put right. */
export type FormAnswer = { sent: true } | { invalidEmail: string };

export const EVENT_NOT_FOUND_PAGE: PageContent = {
  lang: 'ja',
  title: 'イベントが見つかりません',
  body: '<p>公開中のイベントではありません。</p>',
};

/**
 * The public page of an event: what it is, and the 参加のお申込 form while it takes applications.
 * The form only asks for an address; the link to confirm goes there, so nobody registers someone
 * else and nobody learns whose address is known.
 */
export function eventPublicPage(event: Event, state: ApplicationState, answer?: FormAnswer): PageContent {
  return {
    lang: 'ja',
    title: event.title,
    body: `${eventDetails(event)}\n${applicationSection(event, state, answer)}`,
  };
}

function eventDetails(event: Event): string {
  const organisers = [event.organization.name, ...event.coHosts.map((host) => host.name)].join('・');
  const rows: [string, string][] = [
    ['種類', EVENT_KIND_LABEL[event.kind]],
    ['日時', formatEventTime('ja', event.startsAt, event.endsAt)],
    ['会場', event.venue ?? ''],
    ['オンライン', event.onlineUrl ?? ''],
    ['主催', organisers],
    ['テーマ', event.themes.join('、')],
  ];
  const list = rows
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const description = event.description
    ? `<p>${escapeHtml(event.description).replace(/\n/g, '<br>')}</p>`
    : '';
  return `<dl>${list}</dl>\n${description}`;
}

/** 主催者 <name>（<contact>） */
function organiser(event: Event): string {
  const { name, contactEmail, contactPhone } = event.organization;
  const contact = organiserContactPoint('ja', { address: null, email: contactEmail, phone: contactPhone });
  return contact ? `主催者 ${name}（${contact}）` : `主催者 ${name}`;
}

function applicationSection(event: Event, state: ApplicationState, answer?: FormAnswer): string {
  const heading = '<h2>参加のお申込</h2>';
  if (state.window === 'NOT_YET_OPEN') {
    const opens = event.registrationOpensAt ? `${formatDeadline('ja', event.registrationOpensAt)}から` : '';
    return `${heading}\n<p>受付前です。お申込は${escapeHtml(opens)}受け付けます。</p>`;
  }
  if (state.window === 'CLOSED') {
    return `${heading}\n<p>受付終了しました。ご不明な点は${escapeHtml(organiser(event))}にお問い合わせください。</p>`;
  }
  if (answer && 'sent' in answer) {
    return `${heading}\n<p>${escapeHtml(
      `ご登録のメールアドレスあてに、お申込用のリンクをお送りしました（ご登録がない場合は届きません。${organiser(event)}にお問い合わせください）`,
    )}</p>`;
  }
  const full = state.full ? '<p>定員に達しているため、キャンセル待ちでのお申込になります。</p>' : '';
  const invalid =
    answer && 'invalidEmail' in answer
      ? '<p><strong>メールアドレスの形式をご確認ください。</strong></p>'
      : '';
  const value = answer && 'invalidEmail' in answer ? answer.invalidEmail : '';
  return [
    heading,
    full,
    '<p>主催者にご登録のメールアドレスを入力してください。お申込用のリンクをお送りします。</p>',
    invalid,
    // Relative: the page is /events/<id>, so this posts to /events/<id>/apply behind any prefix.
    `<form method="post" action="${escapeHtml(event.id)}/apply">` +
      `<p><label>メールアドレス<br><input type="email" name="email" required maxlength="320" autocomplete="email" value="${escapeHtml(value)}"></label></p>` +
      '<button type="submit">申込用のリンクを受け取る</button></form>',
  ]
    .filter(Boolean)
    .join('\n');
}
