import { createServer, AddressInfo } from 'node:net';
import { Role } from '../src/auth/actor';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { UsersService } from '../src/users/users.service';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createPublishedEvent,
  invitationCampaign,
  PASSWORD,
  staffSession,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';
import { sessionsWaitingForLocks } from './support/lock-waits';

const INVITEES = 400;
const GRACE_MS = 5_000;

// Worker processes start and work slowly on a busy machine: their waits, not the suite's 2 minutes, bound these tests.
jest.setTimeout(600_000);

/**
 * SIGTERM to a worker (a deploy, a scale-down): it takes no new jobs, finishes what it holds
 * while its database, SMTP and Redis connections are still open, and exits; what it cannot finish
 * within SHUTDOWN_GRACE_MS goes back to the queue for another worker at once.
 */

describe('a worker stopped with SIGTERM', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  /** A worker of the test app, once it takes jobs (so that waits time its work, not its start). */
  const start = async (overrides: Record<string, string> = {}) => {
    const worker = WorkerProcess.start(t.config, { LOG_LEVEL: 'log', ...overrides });
    workers.push(worker);
    await worker.ready();
    return worker;
  };

  /**
   * A matching run that keeps its worker busy for a few seconds (a room of 6,000), started by a
   * new organisation's organizer; resolves once a worker has it RUNNING.
   */
  const startLongMatchingRun = async (title: string) => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: `${title}実行委員会`, municipality: '東京都大田区' }),
    );
    const eventId = await createPublishedEvent(t, organizer, { title, capacity: null });
    await t.dataSource.query(
      `WITH people AS (
         INSERT INTO participants (email, name, furigana, consent_matchmaking, offers, needs, themes)
         SELECT $2 || i || '@example.jp', '参加者' || i, 'サンカシャ',  true,
                (ARRAY['金属加工', '試作', 'EC構築支援', '販路開拓', '事業承継'])[i % 5 + 1 : i % 5 + 2],
                (ARRAY['販路開拓', '資金調達', '金属加工', '人材採用', 'DX'])[i % 4 + 1 : i % 4 + 2],
                (ARRAY['事業承継', 'DX', '販路開拓'])[i % 3 + 1 : i % 3 + 1]
           FROM generate_series(1, 6000) AS i
         RETURNING id)
       INSERT INTO registrations (event_id, participant_id, status, registered_at)
       SELECT $1, id, 'REGISTERED', now() FROM people`,
      [eventId, `room-${eventId.slice(0, 8)}-`],
    );
    const run = ok(
      await t.gql<{ runMatching: { id: string } }>(
        'mutation($eventId: ID!) { runMatching(eventId: $eventId) { id } }',
        { eventId },
        organizer,
      ),
    ).runMatching;
    await eventually(
      async () =>
        (
          (await t.dataSource.query(`SELECT status FROM matching_runs WHERE id = $1`, [run.id])) as {
            status: string;
          }[]
        )[0].status === 'RUNNING',
      'the run to start',
    );
    return { ...run, admin };
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      // The HTTP app only writes and relays; the worker processes below do the work.
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: '100',
      MAIL_CONCURRENCY: '50',
      OUTBOX_POLL_MS: '300',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      // Long enough that a job taken over after its lock ran out would not meet these tests' waits.
      QUEUE_LOCK_MS: '60000',
      MAIL_LEASE_MS: '60000',
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await t?.close();
    await sink?.stop();
  });

  it('mid-campaign: finishes the emails it holds, exits, and the next worker sends the rest exactly once', async () => {
    const { campaign, invitees } = await invitationCampaign(t, {
      organization: { name: '墨田区産業振興課', municipality: '東京都墨田区' },
      eventTitle: 'すみだ ものづくり商談会',
      invitees: { emailPrefix: 'sigterm', name: '墨田 太郎', furigana: 'スミダ タロウ', count: INVITEES },
    });
    const first = await start();
    await sink.waitUntil((all) => all.length >= 60, 90_000, '60 invitations from the first worker');

    const stoppedAt = Date.now();
    await first.stop('SIGTERM');
    const took = Date.now() - stoppedAt;
    const receivedAtStop = sink.messages.length;
    expect(took).toBeLessThan(GRACE_MS);
    expect(first.log).toContain('SIGTERM: shutting down');
    expect(first.log).toContain('every job this process held has finished');
    expect(receivedAtStop).toBeLessThan(INVITEES);

    const outbox = t.dataSource.getRepository(OutboxMessage);
    // Nothing is left claimed, and no email used up a try because the worker was stopping.
    expect(await outbox.countBy({ batchId: campaign.id, status: 'SENDING' as never })).toBe(0);
    const [{ retried }]: { retried: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS retried FROM outbox_messages WHERE batch_id = $1 AND (attempts > 1 OR last_error IS NOT NULL)`,
      [campaign.id],
    );
    expect(retried).toBe(0);

    await start();
    await sink.waitFor(INVITEES, 90_000);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === INVITEES,
      'every outbox row to be SENT',
    );
    const addresses = sink.messages.flatMap((mail) => mail.to);
    expect(addresses).toHaveLength(INVITEES);
    expect(new Set(addresses)).toEqual(new Set(invitees.map((row) => row.email)));
    console.log(`SIGTERM mid-campaign: exited after ${took} ms with ${receivedAtStop} of ${INVITEES} sent`);
  });

  it('mid-campaign behind a slow rate limit: hands the claimed emails back, and the next worker sends them at once', async () => {
    const count = 120;
    // Only the workers of this test take these jobs.
    await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    const { campaign, invitees } = await invitationCampaign(t, {
      organization: { name: '足立区産業振興課', municipality: '東京都足立区' },
      eventTitle: 'あだち ものづくり商談会',
      invitees: { emailPrefix: 'handback', name: '足立 花子', furigana: 'アダチ ハナコ', count },
    });
    const to = (all: { to: string[] }[]) =>
      all.flatMap((mail) => mail.to).filter((address) => address.startsWith('handback'));
    // 20 a second with 50 claimed at a time: most of what it holds waits behind the limit.
    const slow = await start({ SMTP_RATE_PER_SECOND: '20', SHUTDOWN_GRACE_MS: '500' });
    await sink.waitUntil((all) => to(all).length >= 20, 90_000, '20 invitations from the slow worker');
    await slow.stop('SIGTERM');
    expect(slow.log).toMatch(/handed \d+ unfinished jobs back to their queues/);

    // The leases of what it held ended with it: the next worker does not wait MAIL_LEASE_MS (60 s).
    const next = await start();
    const resumedAt = Date.now();
    await sink.waitUntil(
      (all) => new Set(to(all)).size === count,
      50_000,
      'every invitation, the handed-back ones at once',
    );
    expect(Date.now() - resumedAt).toBeLessThan(50_000);
    // An email the slow worker put on the wire but could not mark sent before it stopped is in the
    // sink already, and goes again (counted as resent): the rows tell when everything is done.
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === count,
      'every outbox row to be SENT',
    );
    const rows: { attempts: number; resent: number }[] = await t.dataSource.query(
      `SELECT attempts, resent_after_crash AS resent FROM outbox_messages WHERE batch_id = $1`,
      [campaign.id],
    );
    // No try used up by the stop; a duplicate only where one was counted as possibly resent.
    expect(rows.filter((row) => row.attempts !== 1)).toEqual([]);
    const duplicates = to(sink.messages).length - count;
    expect(duplicates).toBeLessThanOrEqual(rows.reduce((sum, row) => sum + row.resent, 0));
    expect(new Set(to(sink.messages))).toEqual(new Set(invitees.map((row) => row.email)));
    await next.stop('SIGTERM');
  });

  it('mid-matching-run: hands the run back after SHUTDOWN_GRACE_MS and another worker completes it', async () => {
    // Only this worker may take the run.
    await Promise.all(workers.map((worker) => worker.stop()));
    const short = await start({ SHUTDOWN_GRACE_MS: '300' });
    const run = await startLongMatchingRun('おおた商談会');

    const stoppedAt = Date.now();
    await short.stop('SIGTERM');
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(short.log).toContain(
      `handed 1 unfinished jobs back to their queues after 300 ms: matching ${run.id}`,
    );

    // Taken over at once, not after the 60 s lock: the next worker finishes the run.
    await start();
    const done = await eventually(
      async () => {
        const [row] = (await t.dataSource.query(
          `SELECT status, error, participant_count FROM matching_runs WHERE id = $1`,
          [run.id],
        )) as { status: string; error: string | null; participant_count: number }[];
        return row.status === 'SUCCEEDED' || row.status === 'FAILED' ? row : undefined;
      },
      'the run to finish on the next worker',
      40_000,
    );
    expect(done).toEqual({ status: 'SUCCEEDED', error: null, participant_count: 6000 });
  });

  it('with the worker in the HTTP service: answers the requests in flight, then hands back and exits', async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    const port = await freePort();
    const service = WorkerProcess.start(
      t.config,
      { LOG_LEVEL: 'log', WORKER_IN_PROCESS: 'true', PORT: String(port), SHUTDOWN_GRACE_MS: '300' },
      'main',
    );
    workers.push(service);
    await eventually(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.ok,
          () => false,
        ),
      'the service to listen',
      180_000,
    );
    const { id: runId, admin } = await startLongMatchingRun('かまた商談会');

    // A request still being answered when the stop comes: it waits for a row this test holds.
    const account = await t.app.get(UsersService).create({
      email: 'kamata-admin@example.jp',
      name: '蒲田 管理者',
      password: PASSWORD,
      role: Role.ADMIN,
    });
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [account.id]);
    const answer = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        query:
          'mutation($id: ID!) { updateStaffUser(id: $id, input: { name: "蒲田 管理者（更新）" }) { name } }',
        variables: { id: account.id },
      }),
    }).then((response) => response.json() as Promise<unknown>);
    await eventually(
      async () => (await sessionsWaitingForLocks(t.dataSource)) > 0,
      'the request to wait for the row',
    );

    // The HTTP server drains first (Apollo's drain, which @nestjs/apollo installs), while the
    // process still holds the run; only then do the queue workers stop, hand back and exit.
    const exited = service.stop('SIGTERM');
    await eventually(() => service.log.includes('SIGTERM: shutting down'), 'the stop to begin');
    // Three times the grace: without the drain the process would have handed back and exited.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(service.alive).toBe(true);
    expect(service.log).not.toContain('handed');
    await holder.commitTransaction();
    await holder.release();
    expect(await answer).toEqual({ data: { updateStaffUser: { name: '蒲田 管理者（更新）' } } });
    await exited;
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.log).toContain(
      `handed 1 unfinished jobs back to their queues after 300 ms: matching ${runId}`,
    );
  });
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
