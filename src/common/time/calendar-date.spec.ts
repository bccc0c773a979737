import { fiscalYearOf } from '../japan/fiscal-year';
import { addDays, addMonths, fiscalYearOfDate, isCalendarDate, tokyoDateOf } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real dates only, in one shape', () => {
    expect(isCalendarDate('2026-04-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('1900-04-01')).toBe(false);
    expect(isCalendarDate('9999-12-31')).toBe(false);
    expect(isCalendarDate('2100-12-31')).toBe(true);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('2026-04-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20260401)).toBe(false);
  });

  it('reads the date in Tokyo, where the day starts at 15:00 UTC', () => {
    expect(tokyoDateOf(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(tokyoDateOf(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });

  it('adds months, keeping to the end of shorter months', () => {
    expect(addMonths('2026-06-15', 4)).toBe('2026-10-15');
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('puts a date in the fiscal year its Tokyo instant belongs to', () => {
    expect(fiscalYearOfDate('2027-03-31')).toBe(2026);
    expect(fiscalYearOfDate('2027-04-01')).toBe(2027);
    for (const instant of ['2026-03-31T15:00:00Z', '2026-03-31T14:59:00Z', '2026-12-31T20:00:00Z']) {
      expect(fiscalYearOfDate(tokyoDateOf(new Date(instant)))).toBe(fiscalYearOf(new Date(instant)));
    }
  });
});
