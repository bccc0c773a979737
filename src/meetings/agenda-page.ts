import { escapeHtml, postButton } from '../common/html/html-page';
import { EventMailContext } from '../mail/event-mail-context';
import {
  detailsHtml,
  eventPlaceDetails,
  MailLocale,
  notesHtml,
  sectionsHtml,
} from '../mail/templates/email-layout';
import { formatEventTime, formatShortTime } from '../mail/templates/mail-dates';
import { subscribeLinks, subscribeLinksHtml } from './agenda-feed-links';
import { AgendaComparison } from './agenda-views.service';
import {
  agendaChangeCounts,
  AgendaEmailChanges,
  baselinePhrase,
  changeCountsText,
  entryLines,
  removedSection,
  UnscheduledAgendaPerson,
  unscheduledSection,
} from './mail/meeting-emails.template';
import { MeetingCalendarEntry } from './meeting-ics';

/** What the page says above the agenda after the reader pressed 確認しました. */
export type AgendaPageNotice = 'SEEN' | 'CHANGED_WHILE_READING';

export interface AgendaPageData {
  locale: MailLocale;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
  unscheduled: UnscheduledAgendaPerson[];
  changes: AgendaEmailChanges | null;
  comparison: Pick<AgendaComparison, 'version' | 'since' | 'baseline'>;
  /** Where 確認しました posts: the page's own address. */
  action: string;
  feedUrl: string;
  notice: AgendaPageNotice | null;
}

const TEXT = {
  ja: {
    title: (event: string) => `面談スケジュール（${event}）`,
    when: '日時',
    none: 'この催しで公開された面談は、まだありません。面談スケジュールが決まりましたら、メールでお知らせします。',
    changed: (since: string, counts: string, marks: string[]) =>
      `${since}から、${counts}があります。${marks.length ? `${marks.join('・')}の印のある面談をご確認ください。` : ''}`,
    marks: { changed: '【変更】', added: '【追加】' },
    unchanged: (since: string) => `${since}から、変更はありません。`,
    since: (what: string, at: string) => `${what}（${at}）`,
    seen: (at: string) => `確認済みにしました（${at}）。次に開いたときは、この時点からの変更に印がつきます。`,
    changedWhileReading:
      '表示した後に面談スケジュールが変わりました。最新の内容を表示していますので、あらためてご確認ください。',
    button: '確認しました',
    buttonHint: '押すと印が消え、次に開いたときは、この時点からの変更に印がつきます。',
    calendar: 'カレンダーアプリで購読する',
    apple: 'iPhone・Mac・Outlook',
    google: 'Google カレンダー',
    other: 'その他のアプリ（URL）',
    private: 'このページのアドレスはご本人専用です。他の方と共有しないでください。',
  },
  en: {
    title: (event: string) => `Meeting schedule: ${event}`,
    when: 'When',
    none: 'No meetings have been published for you at this event yet. We will email you when your schedule is set.',
    changed: (since: string, counts: string, marks: string[]) =>
      `Since ${since}: ${counts}.${marks.length ? ` Look for ${marks.join(' and ')} below.` : ''}`,
    marks: { changed: '[Changed]', added: '[New]' },
    unchanged: (since: string) => `Nothing has changed since ${since}.`,
    since: (what: string, at: string) => `${what} (${at})`,
    seen: (at: string) => `Marked as seen (${at}). Next time, what changes from now on will be marked.`,
    changedWhileReading:
      'Your schedule changed after this page was shown. Here it is as it stands now: please look at it again.',
    button: 'I have seen it',
    buttonHint: 'The marks go, and next time what changes from now on will be marked.',
    calendar: 'Subscribe in your calendar app',
    apple: 'iPhone, Mac, Outlook',
    google: 'Google Calendar',
    other: 'other apps (URL)',
    private: 'The address of this page is yours alone: please do not share it.',
  },
} as const;

/**
 * A participant's agenda at an event as it stands when opened, for a phone on the day: the same
 * lines as the agenda email, marked (【変更】【追加】, 取り消しになった面談) against the agenda they
 * last marked seen here or through the API, or else the first one they were sent. 確認しました
 * posts the version shown, so a change made while they were reading keeps its mark.
 */
export function agendaPage(data: AgendaPageData): { title: string; body: string } {
  const { locale, event, comparison } = data;
  const text = TEXT[locale];
  const counts = agendaChangeCounts(data.entries, data.unscheduled, data.changes);
  const changed = counts.changed + counts.added + counts.removed > 0;
  const since =
    comparison.baseline && comparison.since
      ? text.since(baselinePhrase(locale, comparison.baseline), formatShortTime(locale, comparison.since))
      : null;
  const status =
    data.notice === 'SEEN' && comparison.since
      ? text.seen(formatShortTime(locale, comparison.since))
      : since
        ? changed
          ? text.changed(since, changeCountsText(locale, counts), [
              ...(counts.changed ? [text.marks.changed] : []),
              ...(counts.added ? [text.marks.added] : []),
            ])
          : text.unchanged(since)
        : null;
  // With nothing listed and nothing gone since (then 取り消しになった面談 says what happened).
  const empty =
    data.entries.length === 0 && data.unscheduled.length === 0 && (data.changes?.removed.length ?? 0) === 0;
  const details = [
    { label: text.when, value: formatEventTime(locale, event.startsAt, event.endsAt) },
    ...eventPlaceDetails(locale, event),
    ...entryLines(locale, data.entries, data.changes?.marks),
  ];
  const sections = [
    ...unscheduledSection(locale, data.unscheduled, event),
    ...removedSection(locale, data.changes?.removed ?? [], comparison.baseline ?? 'LAST_SENT'),
  ];
  const paragraph = (line: string, style = '') => `<p${style}>${escapeHtml(line)}</p>`;
  return {
    title: text.title(event.title),
    body: [
      data.notice === 'CHANGED_WHILE_READING'
        ? paragraph(text.changedWhileReading, ' style="color:#b42318;font-weight:bold"')
        : '',
      status ? paragraph(status, changed ? ' style="font-weight:bold"' : '') : '',
      empty ? paragraph(text.none) : '',
      detailsHtml(details),
      sectionsHtml(sections),
      changed
        ? `${postButton(data.action, text.button, { version: comparison.version })}${notesHtml(locale, [text.buttonHint])}`
        : '',
      `<p style="margin-top:24px">${escapeHtml(text.calendar)}: ${subscribeLinksHtml(subscribeLinks(data.feedUrl), text)}</p>`,
      notesHtml(locale, [text.private]),
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
