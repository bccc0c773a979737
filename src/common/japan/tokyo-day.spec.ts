import { DAY_MS, startOfTokyoDay } from './tokyo-day';

describe('startOfTokyoDay', () => {
  it('is 15:00 UTC of the day before', () => {
    expect(startOfTokyoDay(new Date('2026-12-10T11:30:00Z')).toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });

  it('turns at Tokyo midnight, not at UTC midnight', () => {
    expect(startOfTokyoDay(new Date('2026-12-10T14:59:59Z')).toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(startOfTokyoDay(new Date('2026-12-10T15:00:00Z')).toISOString()).toBe('2026-12-10T15:00:00.000Z');
  });

  it('keeps a fiscal year boundary in Tokyo time (1 April 00:00 JST)', () => {
    const start = startOfTokyoDay(new Date('2027-03-31T15:00:00Z'));
    expect(start.toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(startOfTokyoDay(new Date(start.getTime() - 1)).getTime()).toBe(start.getTime() - DAY_MS);
  });
});
