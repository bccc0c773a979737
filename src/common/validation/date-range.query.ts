import { registerDecorator } from 'class-validator';
import { InputError } from '../errors/app-error';
import { parseTokyo } from '../graphql/tokyo-date-time.scalar';
import { DAY_MS } from '../japan/tokyo-day';
import { isCalendarDate } from '../time/calendar-date';

const HAS_TIME = /T/;

/**
 * A real day, `2026-12-01` (in Tokyo), or an ISO 8601 instant on a real day, Tokyo time without a
 * zone, as the GraphQL DateTime reads one (parseTokyo).
 */
function isDayOrInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!HAS_TIME.test(value)) return isCalendarDate(value);
  try {
    parseTokyo(value);
    return true;
  } catch {
    return false;
  }
}

function DayOrInstant() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDayOrInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: '日付は実在する日を YYYY-MM-DD か ISO 8601 の日時で指定してください（例: 2026-12-01）',
        context: {
          en: 'Please give a real day as YYYY-MM-DD, or a date and time in ISO 8601 (e.g. 2026-12-01).',
        },
      },
      // Empty is absent: a form with one date left blank sends `?from=&to=2026-12-10`.
      validator: {
        validate: (value: unknown) => value === undefined || value === '' || isDayOrInstant(value),
      },
    });
}

/**
 * `?from=2026-12-01&to=2026-12-10` of a list export, as the list's query takes it: Tokyo days, or
 * ISO 8601 instants. A day typed as `to` includes that day, as staff asking for "until the 10th"
 * expect; an instant is where the range ends. Read the range with `dateRange`.
 */
export class DateRangeQuery {
  @DayOrInstant()
  from?: string;

  @DayOrInstant()
  to?: string;
}

/** The range as instants: from the start of `from`, up to (not including) the end of `to`. */
export function dateRange(query: DateRangeQuery): { from?: Date; until?: Date } {
  const start = instant(query.from);
  const end = instant(query.to);
  return {
    from: start,
    until: end && !HAS_TIME.test(query.to!) ? new Date(end.getTime() + DAY_MS) : end,
  };
}

/**
 * Refuses, on `to`, a range that ends before it starts or, given `maxDays`, spans more: one list
 * asked for a whole decade would be read at once.
 */
export function checkRange(from: Date, to: Date, maxDays?: number): void {
  if (to <= from)
    throw new InputError('to', '終了日は開始日より後にしてください').withEnglish(
      'To must be later than from.',
    );
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw new InputError('to', `期間は${maxDays}日以内で指定してください`).withEnglish(
      `The period can be at most ${maxDays} days.`,
    );
  }
}

function instant(text: string | undefined): Date | undefined {
  if (text === undefined || text === '') return undefined;
  return HAS_TIME.test(text) ? parseTokyo(text) : new Date(`${text}T00:00:00+09:00`);
}
