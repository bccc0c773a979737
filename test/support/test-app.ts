import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureHttp } from '../../src/app-setup';
import { TokenService } from '../../src/auth/token.service';
import { tokyoDateOf } from '../../src/common/time/calendar-date';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createDatabaseFromTemplate, dropDatabase } from './test-database';

export interface GraphqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; reason?: string; field?: string };
  }[];
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  /** POSTs one GraphQL operation over real HTTP, as a client would. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResponse<T>>;
  /** A session token for an existing participant (the magic-link step is tested on its own). */
  participantToken(participantId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * 03:00 Tokyo on the 15th of the month half a year from now: never during a run, and never on the
 * day it runs. A fixed day would be one a run falls on some year (1 January: after 03:00 that
 * day's scan has been, so a seat given for tomorrow's event is reminded of at once).
 */
function notDuringThisRun(): string {
  const month = Number(tokyoDateOf(new Date()).slice(5, 7));
  return `0 3 15 ${((month + 5) % 12) + 1} *`;
}

/**
 * Boots the real AppModule on a free port against its own copy of the migrated database and a
 * private queue prefix in the local Redis. `env` overrides configuration (e.g. SMTP_URL).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const name = `tsunagu_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const notDuringTests = notDuringThisRun();
  const databaseUrl = await createDatabaseFromTemplate(name);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    RUN_MIGRATIONS: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://127.0.0.1',
    MAIL_DIR: `var/test-mail/${name}`,
    LOG_LEVEL: 'warn',
    // Tests run the periodic scans by hand: a schedule must not fire in the middle of one (a CI
    // run at 10:00 in Tokyo would otherwise get reminder and survey emails it did not ask for).
    REMINDER_CRON: notDuringTests,
    SURVEY_CRON: notDuringTests,
    FOLLOW_UP_DIGEST_CRON: notDuringTests,
    MEETING_REQUEST_EXPIRY_CRON: notDuringTests,
    EMAIL_CHANGE_RETENTION_CRON: notDuringTests,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = configureHttp(
    moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] }),
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  // Links in emails must point at this very server.
  config.PUBLIC_URL = url;

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<never>;
  };

  return {
    app,
    url,
    config,
    dataSource: app.get(DataSource),
    gql,
    participantToken: (participantId) => app.get(TokenService).issueForParticipant(participantId),
    async close() {
      await app.close();
      await dropDatabase(name);
      await deleteRedisKeys(config.REDIS_URL, `${name}:*`);
      await rm(config.MAIL_DIR, { recursive: true, force: true });
    },
  };
}

/** The app's queues and rate-limit counters: a test run leaves nothing in the shared Redis. */
export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}

/** The single error of a response that must have failed. */
export function failure(response: GraphqlResponse) {
  if (!response.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return response.errors[0];
}
