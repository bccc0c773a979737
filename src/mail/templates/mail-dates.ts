import { formatTokyoJapanese, formatTokyoJapaneseDay } from '../../common/time/tokyo-time';
import { MailLocale } from './email-layout';

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 2026年12月1日(火) 18:00〜20:30 / Tue 1 Dec 2026, 18:00–20:30 (JST). */
export function formatEventTime(locale: MailLocale, startsAt: Date, endsAt: Date): string {
  const endTime = new Date(endsAt.getTime() + TOKYO_OFFSET_MS).toISOString().slice(11, 16);
  const sameDay = tokyoDay(startsAt) === tokyoDay(endsAt);
  if (locale === 'ja') {
    return `${formatTokyoJapanese(startsAt)}〜${sameDay ? endTime : formatTokyoJapanese(endsAt)}`;
  }
  return `${formatEnglish(startsAt)}–${sameDay ? endTime : formatEnglish(endsAt)} (JST)`;
}

function tokyoDay(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

function formatEnglish(instant: Date): string {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][tokyo.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    tokyo.getUTCMonth()
  ];
  return `${weekday} ${tokyo.getUTCDate()} ${month} ${tokyo.getUTCFullYear()}, ${tokyo.toISOString().slice(11, 16)}`;
}

/** 2026年12月1日(火) 18:00 / Tue 1 Dec 2026, 18:00 (JST): a deadline to the minute. */
export function formatDeadline(locale: MailLocale, instant: Date): string {
  return locale === 'ja' ? formatTokyoJapanese(instant) : `${formatEnglish(instant)} (JST)`;
}

/**
 * 12月10日(木) 14:00 / Thu 10 Dec, 14:00 JST: a time on a known day, as a note beside a full one or
 * in a sentence. An English reader may be anywhere, so it names the zone as every English time does;
 * without brackets, since the note itself is usually in them ("(before: Thu 10 Dec, 14:00 JST, …)").
 */
export function formatShortTime(locale: MailLocale, instant: Date): string {
  if (locale === 'ja') return formatTokyoJapanese(instant).replace(/^\d+年/, '');
  return `${formatEnglish(instant).replace(/ \d{4},/, ',')} JST`;
}

/**
 * 2026年12月31日(木) / Thu 31 Dec 2026 (JST): the last day of a deadline, which runs to the end of
 * that day in Tokyo (a link it names works until 00:00 JST the day after).
 */
export function formatDay(locale: MailLocale, instant: Date): string {
  if (locale === 'ja') return formatTokyoJapaneseDay(instant);
  return `${englishDay(instant)} (JST)`;
}

/**
 * 2026年12月1日(火) / Tue 1 Dec 2026 for a calendar date ('YYYY-MM-DD', a day in Japan, such as the
 * dates someone would like a ミニサロン on): a day, not an instant, so no zone.
 */
export function formatCalendarDate(locale: MailLocale, date: string): string {
  const noon = new Date(`${date}T12:00:00+09:00`);
  return locale === 'ja' ? formatTokyoJapaneseDay(noon) : englishDay(noon);
}

function englishDay(instant: Date): string {
  return formatEnglish(instant).replace(/, \d{2}:\d{2}$/, '');
}
