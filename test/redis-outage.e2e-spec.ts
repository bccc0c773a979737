import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import { createOrganization, createPublishedEvent, staffSession } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/** A Redis of this file's own (no persistence, as a Redis that restarts empty), never the shared one. */
class PrivateRedis {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = await PrivateRedis.reserve();
    await redis.up();
    return redis;
  }

  /** A port of its own, nothing listening on it yet. */
  static async reserve(): Promise<PrivateRedis> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return new PrivateRedis(port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it, unless it is running (a second one could not take the port, and the first would be left behind). */
  async up(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    this.child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await eventually(async () => {
      const client = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    }, 'the private Redis to answer');
  }

  async down(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

// Worker processes start and work slowly on a busy machine: their waits, not the suite's 2 minutes, bound these tests.
jest.setTimeout(600_000);

/**
 * Redis goes away and comes back empty. The API keeps answering what does not need Redis and
 * refuses at once what does; the health endpoints say what is wrong; each process logs one line
 * (not a stack trace per reconnection); and once Redis is back, the invitation written meanwhile
 * goes out and the periodic jobs are scheduled again without restarting anything.
 */

describe('Redis away and back', () => {
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let t: TestApp;
  let worker: WorkerProcess;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    sink = await SmtpSink.start();
    t = await createTestApp({
      REDIS_URL: redis.url,
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '300',
    });
    worker = WorkerProcess.start(t.config, { LOG_LEVEL: 'log' });
    await worker.ready();
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await redis?.up().catch(() => undefined);
    await t?.close();
    await redis?.down();
    await sink?.stop();
  });

  it('keeps the API up, says what is wrong once, and catches up by itself when Redis is back', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '加賀商工会議所', municipality: '石川県加賀市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, { title: '加賀ビジネス交流会', capacity: null });
    const invitees: { id: string; email: string }[] = await t.dataSource.query(
      `INSERT INTO participants (email, name, furigana, consent_email)
       SELECT 'outage' || i || '@example.jp', '加賀 花子' || i, 'カガ ハナコ', true FROM generate_series(1, 3) AS i
       RETURNING id, email`,
    );
    const mailHealth = async () => {
      const response = await fetch(`${t.url}/health/mail`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    await eventually(
      async () => ((await mailHealth()).body.queue as { workers: number } | null)?.workers === 1,
      'the worker to consume the mail queues',
    );

    await redis.down();

    // GraphQL that does not need Redis answers as before.
    const events = ok(
      await t.gql<{ event: { title: string } }>(
        'query($id: ID!) { event(id: $id) { title } }',
        { id: eventId },
        organizer,
      ),
    );
    expect(events.event.title).toBe('加賀ビジネス交流会');

    const started = Date.now();
    const health = await fetch(`${t.url}/health`);
    // The API still serves, so a load balancer must keep it: 200, saying what is down.
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'degraded',
      database: 'up',
      redis: 'down',
      problems: ['Redis cannot be reached (REDIS_URL): queued work and emails wait until it is back'],
    });

    // Written to the outbox while Redis is away: nothing is lost, it waits in Postgres.
    const campaign = ok(
      await t.gql<{ inviteParticipants: { id: string; total: number } }>(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id total } }',
        { eventId, ids: invitees.map((row) => row.id) },
        organizer,
      ),
    ).inviteParticipants;
    expect(campaign.total).toBe(3);

    const stalled = await mailHealth();
    expect(stalled.status).toBe(503);
    expect(stalled.body).toMatchObject({
      status: 'stalled',
      outbox: { pending: 3, sending: 0 },
      queue: null,
    });
    // In plain words, the same whatever the Redis client said (refused, not writeable, timed out).
    expect(stalled.body.problems).toEqual([
      'Redis cannot be reached (REDIS_URL): 3 emails wait in the outbox and go out once it is back',
    ]);

    // What needs the queue is refused at once, with a reason staff can act on.
    const run = ok(
      await t.gql<{ runMatching: { status: string; error: string } }>(
        'mutation($eventId: ID!) { runMatching(eventId: $eventId) { status error } }',
        { eventId },
        organizer,
      ),
    ).runMatching;
    expect(run).toEqual({
      status: 'FAILED',
      error: 'ジョブをキューに登録できませんでした。しばらくしてから再実行してください',
    });
    // Sign-in links are written, and their rate limit (5 an hour, counted in Postgres) still holds.
    for (let request = 0; request < 6; request += 1)
      expect(ok(await t.gql(`mutation { requestMagicLink(email: "outage1@example.jp") }`))).toEqual({
        requestMagicLink: true,
      });
    const [{ links }]: { links: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS links FROM outbox_messages o JOIN participants p ON p.id = o.participant_id
        WHERE o.template = 'magic-link' AND p.email = 'outage1@example.jp'`,
    );
    expect(links).toBe(5);
    expect(Date.now() - started).toBeLessThan(10_000);

    // Several seconds of reconnecting: one line says what is wrong, and names the variable.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const during = worker.log;
    expect(during).toContain(`Redis at ${redis.url} (REDIS_URL) is unreachable`);
    const lines = during.split('\n').filter((line) => line.trim() !== '');
    expect(lines.filter((line) => /ERROR|WARN|ECONN|writeable/.test(line))).toEqual([
      expect.stringContaining('is unreachable'),
    ]);
    expect(during).not.toMatch(/^\s+at /m);

    await redis.up();
    await sink.waitUntil(
      (all) => invitees.every((row) => all.some((mail) => mail.to.includes(row.email))),
      30_000,
      'the invitations written while Redis was away',
    );
    // outage1 asked for sign-in links too: the invitation and five links.
    await sink.waitUntil(
      (all) => all.filter((mail) => mail.to.includes('outage1@example.jp')).length === 6,
      30_000,
      'the sign-in link',
    );
    await eventually(
      () => /Redis is reachable again after \d+ s/.test(worker.log),
      'the worker to log that Redis is back',
    );
    expect(worker.alive).toBe(true);

    // Redis came back empty: the periodic scans are scheduled again by the running worker.
    const check = new Redis(redis.url);
    try {
      await eventually(
        async () => (await check.exists(`${t.config.QUEUE_PREFIX}:reminders:repeat`)) === 1,
        'the reminder schedule to be back',
      );
    } finally {
      check.disconnect();
    }
    const healthy = await mailHealth();
    expect(healthy.status).toBe(200);
  });
});

/**
 * Redis not there yet when the service starts (BullMQ waits for a first connection without end):
 * what needs the queue is still refused at once, and the relay locks no outbox row meanwhile.
 */
describe('Redis not there when the service starts', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.reserve();
    t = await createTestApp({ REDIS_URL: redis.url, WORKER_IN_PROCESS: 'false' });
  });
  afterAll(async () => {
    // Up for the close, which deletes the test's keys there.
    await redis?.up();
    await t?.close();
    await redis?.down();
  });

  it('refuses a run at once and leaves the invitations unlocked in the outbox', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '岡谷商工会議所' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      title: '岡谷ものづくり商談会',
      capacity: null,
    });
    const started = Date.now();
    const run = ok(
      await t.gql<{ runMatching: { status: string; error: string } }>(
        'mutation($eventId: ID!) { runMatching(eventId: $eventId) { status error } }',
        { eventId },
        organizer,
      ),
    ).runMatching;
    expect(run).toEqual({
      status: 'FAILED',
      error: 'ジョブをキューに登録できませんでした。しばらくしてから再実行してください',
    });
    expect(Date.now() - started).toBeLessThan(10_000);

    const [invitee]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO participants (email, name, furigana, consent_email) VALUES ('okaya@example.jp', '岡谷 一郎', 'オカヤ イチロウ', true) RETURNING id`,
    );
    ok(
      await t.gql(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
        { eventId, ids: [invitee.id] },
        organizer,
      ),
    );
    // The relay kicked by the commit gave up on Redis without locking the row: another process
    // (a worker that reaches Redis) can take it.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const free = await t.dataSource.transaction((manager) =>
      manager.query(`SELECT id FROM outbox_messages WHERE status = 'PENDING' FOR UPDATE SKIP LOCKED`),
    );
    expect(free).toHaveLength(1);
  });
});
