import { Role } from '../src/auth/actor';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createPublishedEvent,
  invitationCampaign,
  staffSession,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const INVITEES = 400;
const GRACE_MS = 5_000;

/**
 * SIGTERM to a worker (a deploy, a scale-down): it takes no new jobs, finishes what it holds
 * while its database, SMTP and Redis connections are still open, and exits; what it cannot finish
 * within SHUTDOWN_GRACE_MS goes back to the queue for another worker at once.
 */
describe('a worker stopped with SIGTERM', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  const start = (overrides: Record<string, string> = {}) => {
    const worker = WorkerProcess.start(t.config, { LOG_LEVEL: 'log', ...overrides });
    workers.push(worker);
    return worker;
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
    const first = start();
    await sink.waitUntil((all) => all.length >= 60, 30_000, '60 invitations from the first worker');

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

    start();
    await sink.waitFor(INVITEES, 30_000);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === INVITEES,
      'every outbox row to be SENT',
    );
    const addresses = sink.messages.flatMap((mail) => mail.to);
    expect(addresses).toHaveLength(INVITEES);
    expect(new Set(addresses)).toEqual(new Set(invitees.map((row) => row.email)));
    console.log(`SIGTERM mid-campaign: exited after ${took} ms with ${receivedAtStop} of ${INVITEES} sent`);
  });

  it('mid-matching-run: hands the run back after SHUTDOWN_GRACE_MS and another worker completes it', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '大田区産業振興協会', municipality: '東京都大田区' }),
    );
    const eventId = await createPublishedEvent(t, organizer, { title: 'おおた商談会', capacity: null });
    // A room big enough that the engine works for a few seconds.
    await t.dataSource.query(
      `WITH people AS (
         INSERT INTO participants (email, name, furigana, consent_matchmaking, offers, needs, themes)
         SELECT 'room' || i || '@example.jp', '参加者' || i, 'サンカシャ',  true,
                (ARRAY['金属加工', '試作', 'EC構築支援', '販路開拓', '事業承継'])[i % 5 + 1 : i % 5 + 2],
                (ARRAY['販路開拓', '資金調達', '金属加工', '人材採用', 'DX'])[i % 4 + 1 : i % 4 + 2],
                (ARRAY['事業承継', 'DX', '販路開拓'])[i % 3 + 1 : i % 3 + 1]
           FROM generate_series(1, 6000) AS i
         RETURNING id)
       INSERT INTO registrations (event_id, participant_id, status, registered_at)
       SELECT $1, id, 'REGISTERED', now() FROM people`,
      [eventId],
    );

    // Only this worker may take the run.
    await Promise.all(workers.map((worker) => worker.stop()));
    const short = start({ SHUTDOWN_GRACE_MS: '300' });
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

    const stoppedAt = Date.now();
    await short.stop('SIGTERM');
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(short.log).toContain(
      `handed 1 unfinished jobs back to their queues after 300 ms: matching ${run.id}`,
    );

    // Taken over at once, not after the 60 s lock: the next worker finishes the run.
    start();
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
});
