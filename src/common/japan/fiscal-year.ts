/**
 * 年度: April 1 to March 31, named by the year it starts in (FY2026 = 2026-04-01 … 2027-03-31),
 * always reckoned on the calendar of Asia/Tokyo.
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has had no daylight saving time since 1951.

export function fiscalYearOf(instant: Date): number {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const year = tokyo.getUTCFullYear();
  return tokyo.getUTCMonth() >= 3 ? year : year - 1;
}

/** The fiscal year's bounds as instants: [start, end) in Asia/Tokyo. */
export function fiscalYearRange(fiscalYear: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(fiscalYear, 3, 1) - TOKYO_OFFSET_MS),
    end: new Date(Date.UTC(fiscalYear + 1, 3, 1) - TOKYO_OFFSET_MS),
  };
}

/** The fiscal year's bounds as calendar dates ('YYYY-MM-DD'): [start, end). */
export function fiscalYearDates(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-04-01` };
}

/**
 * The era name of a fiscal year, as 実績報告 write it: 令和 from FY2019 (Reiwa year = Gregorian −
 * 2018), 平成 for FY1989–2018 (Gregorian − 1988): FY2026 → 「令和8年度」, FY2018 → 「平成30年度」.
 * A year's first is 元年度; a year before 平成 keeps its Gregorian number. In English (a participant
 * whose locale is en), the year it starts in and the months it spans, since a year that starts in
 * April is not what an English reader assumes: "FY2026 (April 2026 – March 2027)".
 */
export function fiscalYearLabel(fiscalYear: number, locale: 'ja' | 'en' = 'ja'): string {
  if (locale === 'en') return `FY${fiscalYear} (April ${fiscalYear} – March ${fiscalYear + 1})`;
  const era =
    fiscalYear >= 2019
      ? { name: '令和', first: 2019 }
      : fiscalYear >= 1989
        ? { name: '平成', first: 1989 }
        : null;
  if (!era) return `${fiscalYear}年度`;
  const year = fiscalYear - era.first + 1;
  return `${era.name}${year === 1 ? '元' : year}年度`;
}
