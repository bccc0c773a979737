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
  const dataSource = new DataSource(databaseOptions(databaseUrl(template)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    // The schema the migrations built must be exactly what the entities describe.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (pending.upQueries.length > 0) {
      throw new Error(
        `Entities and migrations disagree; generate a migration:\n${pending.upQueries.map((q) => q.query).join('\n')}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
