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

  it('rejects text that is not a date', () => {
    expect(() => TokyoDateTime.parseValue('来週の火曜')).toThrow('日時の形式が正しくありません');
    expect(() => TokyoDateTime.parseValue('2026-13-45T99:00')).toThrow();
  });
});
