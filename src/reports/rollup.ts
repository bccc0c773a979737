/** A row of `SELECT <key> AS key, <aggregates> … GROUP BY ROLLUP (<key>)`. */
export type RollupRow<K extends string, F> = F & { key: K | null };

/**
 * Splits the rows of `GROUP BY ROLLUP (key)` into the grand total and one entry per value of
 * `keys`, in that order. Postgres returns the total row (key null) even when nothing matched, and
 * only the keys that have rows, so a key without rows gets `zero`. The grouped columns are NOT
 * NULL, so a null key can only be the total. Because total and breakdown come from one statement
 * over one set of rows, they always add up.
 */
export function splitRollup<K extends string, F extends object>(
  rows: RollupRow<K, F>[],
  keys: readonly K[],
  zero: F,
): { total: F; byKey: (F & { key: K })[] } {
  const figuresOf = (key: K | null): F => {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) return { ...zero };
    const { key: _key, ...figures } = row;
    return figures as unknown as F;
  };
  return { total: figuresOf(null), byKey: keys.map((key) => ({ ...figuresOf(key), key })) };
}
