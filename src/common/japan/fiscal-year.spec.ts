import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from './fiscal-year';

describe('年度 (fiscal year, April–March, Asia/Tokyo)', () => {
  it('starts on April 1 in Tokyo', () => {
    expect(fiscalYearOf(new Date('2026-04-01T00:00:00+09:00'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-03-31T23:59:59+09:00'))).toBe(2025);
    expect(fiscalYearOf(new Date('2027-03-31T23:59:59+09:00'))).toBe(2026);
  });

  it('reckons by Tokyo time, not UTC', () => {
    // 2026-03-31T16:00Z is already April 1, 01:00 in Tokyo.
    expect(fiscalYearOf(new Date('2026-03-31T16:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-03-31T14:59:59Z'))).toBe(2025);
  });

  it('gives the bounds of FY2026 as instants', () => {
    const { start, end } = fiscalYearRange(2026);
    expect(start.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-31T15:00:00.000Z');
  });

  it('names years in the Reiwa and Heisei eras', () => {
    expect(fiscalYearLabel(2026)).toBe('令和8年度');
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
    expect(fiscalYearLabel(2016)).toBe('平成28年度');
    expect(fiscalYearLabel(1989)).toBe('平成元年度');
    expect(fiscalYearLabel(1988)).toBe('1988年度');
  });

  it('names a year in English by the year it starts in and the months it spans', () => {
    expect(fiscalYearLabel(2026, 'en')).toBe('FY2026 (April 2026 – March 2027)');
    expect(fiscalYearLabel(2019, 'en')).toBe('FY2019 (April 2019 – March 2020)');
  });
});
