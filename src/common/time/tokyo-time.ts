export const TOKYO = 'Asia/Tokyo';
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // no daylight saving time in Japan

/** 2026-12-01 14:00 — how staff read a time in a CSV or a page. */
export function formatTokyoDateTime(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 2026-12-01: the Tokyo calendar day of an instant, as a stable key. */
export function tokyoDate(instant: Date): string {
  return formatTokyoDateTime(instant).slice(0, 10);
}

/** 2026年12月1日(火) 14:00 — how a participant reads it in an email. */
export function formatTokyoJapanese(instant: Date): string {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const weekday = '日月火水木金土'[tokyo.getUTCDay()];
  const time = tokyo.toISOString().slice(11, 16);
  return `${tokyo.getUTCFullYear()}年${tokyo.getUTCMonth() + 1}月${tokyo.getUTCDate()}日(${weekday}) ${time}`;
}

/** 2026年12月1日(火) — a day, as a participant or staff member reads it. */
export function formatTokyoJapaneseDay(instant: Date): string {
  return formatTokyoJapanese(instant).replace(/ \d{2}:\d{2}$/, '');
}
