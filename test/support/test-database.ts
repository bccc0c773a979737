import { Client } from 'pg';

/**
 * Each integration spec file gets its own database, copied from a template that global-setup
 * migrated once: files stay independent and the copy takes a fraction of a second.
 */
export const ADMIN_DATABASE_URL =
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * One template per test run, so two runs on one machine never drop each other's: global-setup
 * names it and passes the name to the test workers through the environment.
 */
export function templateDatabase(): string {
  process.env.TSUNAGU_TEST_TEMPLATE ??= `tsunagu_test_template_${process.pid}`;
  return process.env.TSUNAGU_TEST_TEMPLATE;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseFromTemplate(name: string): Promise<string> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
  });
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
