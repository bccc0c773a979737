import { TokyoDateTime } from './tokyo-date-time.scalar';

describe('DateTime scalar', () => {
  it('reads a time without a zone as Tokyo time', () => {
    expect(TokyoDateTime.parseValue('2026-12-01T14:00:00').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(TokyoDateTime.parseValue('2026-12-01 14:00').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(TokyoDateTime.parseValue('2026-12-01').toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('respects an explicit zone', () => {
    expect(TokyoDateTime.parseValue('2026-12-01T05:00:00Z').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(TokyoDateTime.parseValue('2026-12-01T14:00:00+09:00').toISOString()).toBe(
      '2026-12-01T05:00:00.000Z',
    );
  });

  it('writes Tokyo time with its offset', () => {
    expect(TokyoDateTime.serialize(new Date('2026-12-01T05:00:00Z'))).toBe('2026-12-01T14:00:00+09:00');
  });

  it('reads full-width digits and slashes as staff type them', () => {
    const expected = new Date('2027-04-15T01:00:00Z');
    expect(TokyoDateTime.parseValue('２０２７－０４－１５Ｔ１０：００')).toEqual(expected);
    expect(TokyoDateTime.parseValue('2027/04/15 10:00')).toEqual(expected);
  });

  it('rejects text that is not a date', () => {
    expect(() => TokyoDateTime.parseValue('来週の火曜')).toThrow(
      '日時の形式が正しくありません（例: 2027-04-15T10:00）: 来週の火曜',
    );
    expect(() => TokyoDateTime.parseValue('2026-13-45T99:00')).toThrow();
  });

  it('refuses a day or time that does not exist instead of rolling it over', () => {
    expect(() => TokyoDateTime.parseValue('2027-02-30T18:00')).toThrow('存在しない日時です');
    expect(() => TokyoDateTime.parseValue('2027-02-29')).toThrow('存在しない日時です');
    expect(() => TokyoDateTime.parseValue('2027-04-01T24:00')).toThrow('存在しない日時です');
    expect(TokyoDateTime.parseValue('2028-02-29T18:00').toISOString()).toBe('2028-02-29T09:00:00.000Z');
  });

  it('refuses years outside 2000–2100', () => {
    expect(() => TokyoDateTime.parseValue('1900-01-20T18:00')).toThrow('2000年〜2100年');
    expect(() => TokyoDateTime.parseValue('9999-01-20T18:00')).toThrow('2000年〜2100年');
    expect(TokyoDateTime.parseValue('2100-12-31T23:59').getTime()).not.toBeNaN();
  });
});
