import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One place that says how we talk to Postgres: used by the service, the migration CLI and the scripts. */
export function databaseOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    // Compiled (dist/migrations/*.js) and source (migrations/*.ts) layouts both resolve from here.
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    // No JIT compilation: this service's queries are short, and where a plan's row estimates are
    // far off (the 名寄せ pairs, joined through a CTE) compiling took as long as running the query.
    extra: { options: '-c jit=off' },
    // The service's own are DATABASE_POOL_SIZE and DATABASE_POOL_WAIT_MS; the migration CLI and
    // the scripts need few connections.
    poolSize: 20,
    connectTimeoutMS: 30_000,
    ...overrides,
  } as DataSourceOptions;
}
