import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Calendar dates in Japan ('YYYY-MM-DD'), for things that happen on a day rather than at an
 * instant: a deal's 成約日, a follow-up's due date. Postgres `date` columns read and write them
 * as they are, so no time zone can shift them by a day.
 */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // no daylight saving time in Japan

/**
 * A real date in the shape 'YYYY-MM-DD' (no 2026-02-30), in 2000–2100: the years the fiscal-year
 * reports accept, so a record with a mistyped year (1900, 9999) cannot vanish from every report.
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date in Tokyo at `instant`. */
export function tokyoDateOf(instant: Date): CalendarDate {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** `months` later, on the same day of the month or the month's last day (1/31 + 1 → 2/28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `days` later (or earlier, when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 年度 of a calendar date: 2027-03-31 → 2026, 2027-04-01 → 2027. */
export function fiscalYearOfDate(date: CalendarDate): number {
  const [year, month] = date.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** class-validator rule for CalendarDate input fields. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: {
        message: '日付は YYYY-MM-DD の形式で、2000〜2100年の実在する日を指定してください',
        context: { en: 'Please give a real date between 2000 and 2100 as YYYY-MM-DD.' },
        ...options,
      },
      validator: { validate: isCalendarDate },
    });
}
