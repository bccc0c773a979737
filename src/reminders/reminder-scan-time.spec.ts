import { reminderScanHasCome } from './reminder-scan-time';

const at = (tokyo: string) => new Date(`${tokyo}+09:00`);

describe('reminderScanHasCome', () => {
  it('comes at the time of day of a daily pattern, in Tokyo, and stays come until midnight', () => {
    expect(reminderScanHasCome('0 10 * * *', at('2026-12-10T09:59:59'))).toBe(false);
    expect(reminderScanHasCome('0 10 * * *', at('2026-12-10T10:00:00'))).toBe(true);
    expect(reminderScanHasCome('0 10 * * *', at('2026-12-10T23:59:59'))).toBe(true);
    // A new Tokyo day (15:00 UTC) waits for its own run.
    expect(reminderScanHasCome('0 10 * * *', at('2026-12-11T00:00:00'))).toBe(false);
  });

  it('counts a run at midnight, and the first of several in a day', () => {
    expect(reminderScanHasCome('0 0 * * *', at('2026-12-10T00:00:00'))).toBe(true);
    expect(reminderScanHasCome('0 10,16 * * *', at('2026-12-10T12:00:00'))).toBe(true);
  });

  it('has not come on a day the pattern does not run', () => {
    // 03:00 on 1 January only.
    expect(reminderScanHasCome('0 3 1 1 *', at('2026-12-10T12:00:00'))).toBe(false);
    expect(reminderScanHasCome('0 3 1 1 *', at('2027-01-01T04:00:00'))).toBe(true);
  });
});
