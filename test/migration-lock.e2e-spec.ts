import { randomBytes } from 'node:crypto';
import { databaseOptions } from '../src/database/database-options';
import { MIGRATION_LOCK_KEY, MigratingDataSource } from '../src/database/migrating-data-source';
import { databaseUrl, dropDatabase, withAdminClient } from './support/test-database';

/**
 * The service and its workers started together on a fresh database both run the migrations
 * (RUN_MIGRATIONS): they take turns under an advisory lock instead of racing to create the same
 * tables, and the second finds nothing left to do.
 */
describe('migrations started twice at once', () => {
  const name = `tsunagu_migration_lock_${process.pid}_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(async () => {
    await dropDatabase(name);
  });

  it('wait for each other on an empty database, then find nothing to do', async () => {
    // As each process starts: RUN_MIGRATIONS runs them inside initialize().
    const starts = [1, 2].map(
      () => new MigratingDataSource(databaseOptions(databaseUrl(name), { migrationsRun: true })),
    );
    try {
      const results = await Promise.allSettled(starts.map((dataSource) => dataSource.initialize()));
      expect(
        results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started')),
      ).toEqual(['started', 'started']);
      const [{ count }]: { count: number }[] = await starts[0].query(
        'SELECT CAST(count(*) AS integer) AS count FROM migrations',
      );
      expect(count).toBe(starts[0].migrations.length);
      expect(await Promise.all(starts.map((dataSource) => dataSource.runMigrations()))).toEqual([[], []]);
      // Held only while migrating.
      const held: unknown[] = await starts[0].query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`,
        [MIGRATION_LOCK_KEY],
      );
      expect(held).toEqual([]);
    } finally {
      await Promise.all(
        starts.filter((dataSource) => dataSource.isInitialized).map((dataSource) => dataSource.destroy()),
      );
    }
  });
});
