import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config/app-config';
import { checkDatabase } from '../src/database/database-check';
import { WorkerProcess } from './support/worker-process';

/**
 * A worker started with a wrong variable stops at once with one line naming it (never echoing a
 * value that may hold a password), before it connects anywhere.
 */
describe('starting with bad configuration', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `tsunagu_startup_${process.pid}`,
  });

  async function startWith(overrides: Record<string, string>) {
    const worker = WorkerProcess.start(config, overrides);
    const exit = await worker.exited;
    return { ...exit, log: worker.log.trim() };
  }

  it.each([
    ['DATABASE_URL', 'nonsense', 'DATABASE_URL must be a URL starting with postgres:// or postgresql://'],
    ['REDIS_URL', '127.0.0.1:6379', 'REDIS_URL must be a URL starting with redis:// or rediss://'],
    [
      'SMTP_URL',
      'mailer:s3cret@smtp.example.jp:587',
      'SMTP_URL must be a URL starting with smtp:// or smtps://',
    ],
    ['PUBLIC_URL', 'localhost:3000', 'PUBLIC_URL must be a URL starting with http:// or https://'],
    // Not a value the parser refuses only when the schedulers are set up, with a stack trace.
    [
      'REMINDER_CRON',
      '0 25 * * *',
      'REMINDER_CRON must be a cron expression: minute hour day-of-month month day-of-week, Asia/Tokyo (e.g. "0 10 * * *"): Constraint error, got value 25 expected range 0-23',
    ],
    [
      'SURVEY_CRON',
      '0 10 * *',
      'SURVEY_CRON must be a cron expression: minute hour day-of-month month day-of-week, Asia/Tokyo (e.g. "0 10 * * *"): 4 fields',
    ],
  ])('%s=%s stops the start with exit code 78, naming the variable', async (name, value, message) => {
    const { code, log } = await startWith({ [name]: value });
    expect(code).toBe(78);
    expect(log).toBe(`Invalid configuration:\n  ${name}: ${message}`);
    expect(log).not.toContain('s3cret');
  });

  it('a database that does not exist stops the start with one line naming DATABASE_URL, password hidden', async () => {
    const { code, log } = await startWith({
      DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:5432/tsunagu_no_such_database',
    });
    expect(code).toBe(1);
    expect(log).toBe(
      'Tsunagu worker could not start: PostgreSQL at postgres://postgres:***@127.0.0.1:5432/tsunagu_no_such_database ' +
        '(DATABASE_URL): database "tsunagu_no_such_database" does not exist (3D000)',
    );
  });

  it('a database that refuses connections is waited for a while, then named', async () => {
    const tries: string[] = [];
    await expect(
      checkDatabase('postgres://postgres@127.0.0.1:1/tsunagu', {
        waitMs: 1_000,
        retryEveryMs: 200,
        log: (line) => tries.push(line),
      }),
    ).rejects.toThrow(
      /^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/tsunagu \(DATABASE_URL\) did not answer within 1 s: .*ECONNREFUSED/,
    );
    expect(tries.length).toBeGreaterThanOrEqual(2);
  });
});
