import { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * How many sessions of the test's database wait for a lock, counting only those whose statement
 * starts with `start` when it is given (pg_stat_activity keeps a statement's first kilobyte only:
 * TypeORM's reading of a row names every column before the table). Tests that drive a race hold a
 * lock in a second connection and go on once the writers under test wait for it.
 */
export async function sessionsWaitingForLocks(dataSource: DataSource, start?: string): Promise<number> {
  const [{ waiting }]: { waiting: number }[] = await dataSource.query(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
    [`${start ?? ''}%`],
  );
  return waiting;
}

/** Resolves once at least `count` sessions wait for a lock (see sessionsWaitingForLocks). */
export async function untilWaitingForLocks(dataSource: DataSource, count: number): Promise<void> {
  await eventually(
    async () => (await sessionsWaitingForLocks(dataSource)) >= count,
    `${count} sessions waiting for a lock`,
    10_000,
    20,
  );
}

/**
 * Runs `body` with a second connection's transaction open, committed at the end (rolled back if
 * `body` throws): what `hold` locks in it, the writers under test wait for.
 */
export async function holdingLocks<T>(
  dataSource: DataSource,
  body: (hold: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  try {
    await holder.startTransaction();
    const result = await body((sql, parameters) => holder.query(sql, parameters));
    await holder.commitTransaction();
    return result;
  } finally {
    if (holder.isTransactionActive) await holder.rollbackTransaction();
    await holder.release();
  }
}
