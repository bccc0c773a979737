import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureHttp } from '../src/app-setup';
import { Role } from '../src/auth/actor';
import { UsersService } from '../src/users/users.service';
import { freshDatabase } from './bench-database';

/** The service as deployed, on a port of its own against a fresh database, and an admin's token. */
export interface BenchService {
  app: NestExpressApplication;
  url: string;
  token: string;
  dataSource: DataSource;
}

/**
 * Boots the whole service (HTTP, GraphQL, migrations) against a fresh database `name`. A bench is
 * an entry point: it sets the environment the service reads at boot.
 */
export async function startService(name: string): Promise<BenchService> {
  Object.assign(process.env, {
    DATABASE_URL: await freshDatabase(name),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    QUEUE_PREFIX: name,
    LOG_LEVEL: 'error',
  });
  const app = configureHttp(
    await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'] }),
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await app
    .get(UsersService)
    .create({ email: 'bench@example.jp', name: 'ベンチ', password: 'bench-password-123', role: Role.ADMIN });
  const login = await post(
    url,
    'mutation { login(email: "bench@example.jp", password: "bench-password-123") { token } }',
  );
  const token = (login.data as { login: { token: string } }).login.token;
  return { app, url, token, dataSource: app.get(DataSource) };
}

export async function post(url: string, query: string, variables?: object, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

/** The median of `rounds` timed calls of `run`, in ms, after one warm-up call. */
export async function medianMs(run: () => Promise<unknown>, rounds: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}
