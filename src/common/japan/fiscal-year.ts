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

/** 令和 year of a fiscal year (Reiwa year = Gregorian − 2018): FY2026 → 「令和8年度」. */
export function fiscalYearLabel(fiscalYear: number): string {
  const reiwa = fiscalYear - 2018;
  return reiwa >= 1 ? `令和${reiwa === 1 ? '元' : reiwa}年度` : `${fiscalYear}年度`;
}
