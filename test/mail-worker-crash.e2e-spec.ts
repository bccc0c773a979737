import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const INVITEES = 2000;

// Worker processes start and work slowly on a busy machine: their waits, not the suite's 2 minutes, bound these tests.
jest.setTimeout(600_000);

/**
 * A worker process is SIGKILLed in the middle of a campaign; a new one finishes it. Every invitee
 * gets the invitation; a second copy is possible only for emails caught `sending` at the kill,
 * and each such resend is counted on its row.
 */

describe('a worker killed mid-campaign', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      // The HTTP app only writes and relays; the worker processes below send.
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: '300',
      SMTP_POOL_SIZE: '5',
      WORKER_CONCURRENCY: '20',
      QUEUE_LOCK_MS: '1500',
      MAIL_LEASE_MS: '2000',
      MAIL_RETRY_BASE_MS: '200',
      OUTBOX_POLL_MS: '300',
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await t?.close();
    await sink?.stop();
  });

  it(`delivers all ${INVITEES} invitations exactly once, except counted resends of those caught sending`, async () => {
    const { invitees: rows, campaign } = await invitationCampaign(t, {
      organization: { name: '川口商工会議所', municipality: '埼玉県川口市' },
      eventTitle: '川口ものづくり商談会',
      invitees: { emailPrefix: 'crash', name: '髙橋 﨑', furigana: 'タカハシ サキ', count: INVITEES },
    });
    expect(campaign.total).toBe(INVITEES);

    const first = WorkerProcess.start(t.config);
    workers.push(first);
    await first.ready();
    await sink
      .waitUntil((all) => all.length >= 400, 120_000, '400 invitations from the first worker')
      .catch((error) => {
        throw new Error(`${(error as Error).message}\nworker stderr:\n${first.errors}`);
      });
    await first.kill();
    const receivedAtKill = sink.messages.length;
    const [{ sending }]: { sending: string }[] = await t.dataSource.query(
      `SELECT count(*) AS sending FROM outbox_messages WHERE batch_id = $1 AND status = 'SENDING'`,
      [campaign.id],
    );
    expect(receivedAtKill).toBeLessThan(INVITEES);

    const second = WorkerProcess.start(t.config);
    workers.push(second);
    await second.ready();
    const wanted = new Set(rows.map((row) => row.email));
    await sink.waitUntil(
      (all) => new Set(all.flatMap((mail) => mail.to)).size >= INVITEES,
      180_000,
      'every invitee to receive the invitation',
    );
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === INVITEES,
      'every outbox row to be SENT',
    );

    const messages = await outbox.findBy({ batchId: campaign.id });
    const byParticipant = new Map(messages.map((message) => [message.participantId, message]));
    const received = new Map<string, number>();
    for (const mail of sink.messages) for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1);

    let duplicates = 0;
    for (const row of rows) {
      const count = received.get(row.email) ?? 0;
      const message = byParticipant.get(row.id)!;
      expect(count).toBeGreaterThanOrEqual(1);
      // A second copy only where the row was re-claimed after the crash, and counted there.
      expect(count - 1).toBeLessThanOrEqual(message.resentAfterCrash);
      duplicates += count - 1;
    }
    expect([...received.keys()].every((address) => wanted.has(address))).toBe(true);
    const resent = messages.reduce((sum, message) => sum + message.resentAfterCrash, 0);
    expect(resent).toBeLessThanOrEqual(Number(sending));
    // Duplicates carry the same Message-ID: a mail client can still tell they are one email.
    const ids = new Set(sink.messages.map((mail) => mail.messageId));
    expect(ids.size).toBe(INVITEES);

    console.log(
      `worker crash: ${receivedAtKill} received before SIGKILL, ${sending} rows caught SENDING, ` +
        `${resent} counted resends, ${duplicates} duplicate deliveries, ${sink.messages.length} messages for ${INVITEES} invitees`,
    );
  });
});
