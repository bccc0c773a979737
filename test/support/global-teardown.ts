import { templateDatabase, withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await withAdminClient((client) =>
    client.query(`DROP DATABASE IF EXISTS "${templateDatabase()}" WITH (FORCE)`),
  );
}
