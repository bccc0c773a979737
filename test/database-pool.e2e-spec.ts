import { Role } from '../src/auth/actor';
import { captureLogs } from './support/captured-logs';
import { staffSession } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * A pool whose every connection is held (a burst, or a bug that holds them) answers a request with
 * an error after DATABASE_POOL_WAIT_MS, logged for the engineer on call, instead of leaving it
 * waiting for ever; once a connection is free again, requests are answered as before.
 */
describe('the database pool, used up', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '1', DATABASE_POOL_WAIT_MS: '500' });
    admin = await staffSession(t, Role.ADMIN, null);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('answers with an error after DATABASE_POOL_WAIT_MS and logs why; then serves again', async () => {
    const logged = captureLogs(['error']);
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    try {
      const started = Date.now();
      const answer = await t.gql('{ me { role } }', {}, admin);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(answer.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(logged.join('\n')).toContain('timeout exceeded when trying to connect');
    } finally {
      await holder.release();
    }
    expect(ok(await t.gql<{ me: { role: string } }>('{ me { role } }', {}, admin)).me.role).toBe('ADMIN');
  });
});
