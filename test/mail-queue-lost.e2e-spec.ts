import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { DeliverMailPayload, QueueName } from '../src/queue/queue-names';
import { MAIL_JOB_ROWS } from '../src/mail/mail-jobs';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, deleteRedisKeys, ok, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/** Nothing has failed for good: /health/mail says so beside the waiting emails. */
const NONE = { count: 0, lastAt: null, lastError: null };
const NO_FAILURES = { hours: 24, refused: NONE, bounced: NONE, gaveUp: NONE };

const INVITEES = 60;

// Worker processes start and work slowly on a busy machine: their waits, not the suite's 2 minutes, bound these tests.
jest.setTimeout(600_000);

/**
 * Redis keeps nothing on disk here: a restart empties every queue. The outbox in Postgres still
 * holds each email, so the relay queues the rows again once their hand-over is old enough, and
 * the emails go out once each. Meanwhile `/health/mail` tells the engineer on call what is wrong.
 */

describe('the mail queue lost with Redis', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      // The HTTP app writes and hands over; the worker, started after the loss, sends.
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '200',
      OUTBOX_REENQUEUE_AFTER_MS: '1500',
    });
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await t?.close();
    await sink?.stop();
  });

  it('queues the outbox rows again: every invitee gets the invitation, once', async () => {
    const {
      organizer,
      invitees: rows,
      campaign,
    } = await invitationCampaign(t, {
      organization: { name: '岡谷商工会議所', municipality: '長野県岡谷市' },
      eventTitle: '岡谷ものづくり商談会',
      invitees: { emailPrefix: 'lost', name: '﨑山 髙志', furigana: 'サキヤマ タカシ', count: INVITEES },
    });
    expect(campaign.total).toBe(INVITEES);

    // Handed over to the queue after the commit, a campaign's MAIL_JOB_ROWS to a job…
    const queue = t.app.get<Queue<DeliverMailPayload>>(getQueueToken(QueueName.MAIL));
    const queued = async () => (await queue.getWaiting()).flatMap((job) => job.data.outboxMessageIds).sort();
    const written: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM outbox_messages WHERE batch_id = $1 ORDER BY id',
      [campaign.id],
    );
    await eventually(
      async () => JSON.stringify(await queued()) === JSON.stringify(written.map((row) => row.id)),
      'the invitations to be queued',
    );
    expect(await queue.getWaitingCount()).toBe(Math.ceil(INVITEES / MAIL_JOB_ROWS));
    // …and lost: Redis restarts empty.
    await deleteRedisKeys(t.config.REDIS_URL, `${t.config.QUEUE_PREFIX}:*`);
    expect(await queue.getWaitingCount()).toBe(0);
    expect(sink.messages).toHaveLength(0);
    // Five rows as if the service had died between its commit and the hand-over, ten minutes ago.
    await t.dataSource.query(
      `UPDATE outbox_messages SET enqueued_at = NULL, created_at = now() - interval '10 minutes'
        WHERE id IN (SELECT id FROM outbox_messages WHERE batch_id = $1 LIMIT 5)`,
      [campaign.id],
    );
    // On call, /health/mail says what is wrong: emails wait and nothing will send them.
    const stalled = await fetch(`${t.url}/health/mail`);
    expect(stalled.status).toBe(503);
    expect(await stalled.json()).toEqual({
      status: 'stalled',
      problems: [
        `${INVITEES} emails are waiting and no worker consumes the mail queue (npm run start:worker)`,
        '5 outbox rows were never handed to the queue: the relay is not running or cannot reach Redis',
      ],
      outbox: {
        pending: INVITEES,
        sending: 0,
        expiredLeases: 0,
        notHandedOver: 5,
        oldestPendingSeconds: 600,
        retrying: 0,
        refused: 0,
        lastError: null,
      },
      queue: { waiting: 0, active: 0, delayed: 0, workers: 0 },
      recentFailures: NO_FAILURES,
    });
    // Every waiting email failed at its last try: the mail server, not one mailbox. Said by its
    // code only (the raw text can name an address, and the page is public).
    await t.dataSource.query(
      `UPDATE outbox_messages SET last_error = 'Can''t send mail - all recipients were rejected: 450 4.2.0 <x@example.jp>: try later'
        WHERE batch_id = $1`,
      [campaign.id],
    );
    const failing = (await (await fetch(`${t.url}/health/mail`)).json()) as {
      problems: string[];
      outbox: Record<string, unknown>;
    };
    expect(failing.problems).toContain(
      `all ${INVITEES} waiting emails failed at their last try and wait to be retried: the mail server refuses them or cannot be reached (last error: SMTP 450 4.2.0)`,
    );
    expect(failing.outbox).toMatchObject({ retrying: INVITEES, lastError: 'SMTP 450 4.2.0' });
    expect(JSON.stringify(failing)).not.toContain('example.jp');

    worker = WorkerProcess.start(t.config);
    await worker.ready();
    await sink
      .waitUntil((all) => all.length >= INVITEES, 90_000, 'every invitation after the loss')
      .catch((error) => {
        throw new Error(`${(error as Error).message}\nworker stderr:\n${worker?.errors}`);
      });
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === INVITEES,
      'every outbox row to be SENT',
    );
    // Nothing arrives twice, and the campaign shows it all sent.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recipients = sink.messages.flatMap((mail) => mail.to).sort();
    expect(recipients).toEqual(rows.map((row) => row.email).sort());
    const status = ok(
      await t.gql<{ invitationCampaign: { total: number; sent: number; queued: number; failed: number } }>(
        'query($id: ID!) { invitationCampaign(id: $id) { total sent queued failed } }',
        { id: campaign.id },
        organizer,
      ),
    ).invitationCampaign;
    expect(status).toEqual({ total: INVITEES, sent: INVITEES, queued: 0, failed: 0 });
    const healthy = await fetch(`${t.url}/health/mail`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({
      status: 'ok',
      problems: [],
      outbox: {
        pending: 0,
        sending: 0,
        expiredLeases: 0,
        notHandedOver: 0,
        oldestPendingSeconds: null,
        retrying: 0,
        refused: 0,
        lastError: null,
      },
      queue: { waiting: 0, active: 0, delayed: 0, workers: 1 },
      recentFailures: NO_FAILURES,
    });
  });
});
