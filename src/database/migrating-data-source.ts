import { DataSource, Migration } from 'typeorm';

/**
 * The advisory-lock key migrations run under: any fixed number, the same in every process and
 * version. (0x7473_756e is "tsun".)
 */
export const MIGRATION_LOCK_KEY = 0x7473_756e;

/**
 * A DataSource whose migrations run under a Postgres advisory lock, held only while migrating.
 * The service and its workers all run pending migrations on start (RUN_MIGRATIONS); started
 * together on a fresh database they raced, each creating the same tables, and all but one failed
 * with `duplicate key value violates unique constraint "pg_type_typname_nsp_index"`. Under the
 * lock the others wait, then find nothing left to do. The service, the workers, the CLI and
 * `npm run migration:run|revert` all come through here.
 */
export class MigratingDataSource extends DataSource {
  override runMigrations(options?: Parameters<DataSource['runMigrations']>[0]): Promise<Migration[]> {
    return this.underMigrationLock(() => super.runMigrations(options));
  }

  override undoLastMigration(options?: Parameters<DataSource['undoLastMigration']>[0]): Promise<void> {
    return this.underMigrationLock(() => super.undoLastMigration(options));
  }

  /**
   * The lock is a session's, so it is taken and given back on a connection of its own; the
   * migrations run on others from the pool. Released at once if this process dies mid-way.
   */
  private async underMigrationLock<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
