import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database/database-options';
import { databaseUrl, templateDatabase, withAdminClient } from './test-database';

/** Builds the template database once per run by applying every migration, as production would. */
export default async function globalSetup(): Promise<void> {
  const template = templateDatabase();
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  try {
    await migrateAndCompare(template);
  } catch (error) {
    // Jest runs no teardown after a failed setup: the template would be left behind.
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
    throw error;
  }
}

async function migrateAndCompare(template: string): Promise<void> {
  const dataSource = new DataSource(databaseOptions(databaseUrl(template)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    // The schema the migrations built must be exactly what the entities describe.
    const pending = await withoutDeprecationNotices(() => dataSource.driver.createSchemaBuilder().log());
    if (pending.upQueries.length > 0) {
      throw new Error(
        `Entities and migrations disagree; generate a migration:\n${pending.upQueries.map((q) => q.query).join('\n')}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * TypeORM (still in 1.1.3) reads the tables' columns in parallel on one connection, which pg 8.19+
 * reports as deprecated. The notice is about TypeORM, not this project, so it is kept out of the
 * test log for the comparison only; the test workers, separate processes, still report any such
 * call of ours.
 */
async function withoutDeprecationNotices<T>(work: () => Promise<T>): Promise<T> {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return await work();
  } finally {
    process.noDeprecation = before;
  }
}
