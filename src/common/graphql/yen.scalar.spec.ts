import { Kind } from 'graphql';
import { Yen } from './yen.scalar';

describe('Yen scalar', () => {
  it('carries amounts past GraphQL Int (about 21億円) exactly', () => {
    expect(Yen.parseValue(2_500_000_000)).toBe(2_500_000_000);
    expect(Yen.parseLiteral({ kind: Kind.INT, value: '2500000000' })).toBe(2_500_000_000);
    expect(Yen.serialize(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(Yen.parseValue(0)).toBe(0);
  });

  it('writes the bigint sums Postgres answers as text as numbers', () => {
    expect(Yen.serialize('2502000000')).toBe(2_502_000_000);
  });

  it('refuses fractions, negatives, text and amounts it could not hold exactly, in Japanese', () => {
    for (const value of [1.5, -1, '1000', Number.MAX_SAFE_INTEGER + 1, Number.NaN, null]) {
      expect(() => Yen.parseValue(value)).toThrow('金額は 0 円以上の円単位の整数で入力してください');
    }
    expect(() => Yen.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow('円単位の整数');
    expect(() => Yen.parseLiteral({ kind: Kind.STRING, value: '100万' })).toThrow('円単位の整数');
    expect(() => Yen.parseLiteral({ kind: Kind.INT, value: '9007199254740993' })).toThrow('円単位の整数');
    // What to type instead, for an amount copied from a sheet.
    expect(() => Yen.parseValue('1,800,000')).toThrow(
      '（半角数字だけで、カンマや「円」は付けずに。例: 1800000。上限は 9,007,199,254,740,991 円）: 1,800,000',
    );
  });

  it('will not write a figure that is not whole yen', () => {
    expect(() => Yen.serialize(0.5)).toThrow('Yen cannot represent 0.5');
  });
});
