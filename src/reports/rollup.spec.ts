import { splitRollup } from './rollup';

describe('splitRollup', () => {
  const keys = ['WON', 'LOST', 'NEGOTIATING'] as const;

  it('lists every key in the given order, with zero for a key without rows', () => {
    const rows = [
      { key: 'LOST' as const, count: 1, amountYen: 300 },
      { key: null, count: 3, amountYen: 1_300 },
      { key: 'WON' as const, count: 2, amountYen: 1_000 },
    ];
    expect(splitRollup(rows, keys, { count: 0, amountYen: 0 })).toEqual({
      total: { count: 3, amountYen: 1_300 },
      byKey: [
        { key: 'WON', count: 2, amountYen: 1_000 },
        { key: 'LOST', count: 1, amountYen: 300 },
        { key: 'NEGOTIATING', count: 0, amountYen: 0 },
      ],
    });
  });

  it('reads the total row Postgres returns when nothing matched', () => {
    const { total, byKey } = splitRollup([{ key: null, count: 0 }], keys, { count: 0 });
    expect(total).toEqual({ count: 0 });
    expect(byKey.map((entry) => entry.count)).toEqual([0, 0, 0]);
  });
});
