import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/database/database-options';
import { databaseUrl, TEMPLATE_DATABASE, withAdminClient } from './test-database';

/** Builds the template database once per run by applying every migration, as production would. */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  const dataSource = new DataSource(databaseOptions(databaseUrl(TEMPLATE_DATABASE)));
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
