import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

const INVITEES = 12;
const RATE = 2;
const POOL = 1;
/** What a worker holds claimed at most: its pool and half a second of its rate (MailTransport). */
const HELD = POOL + Math.ceil(RATE / 2);

/**
 * The only worker is SIGKILLed while most of a campaign waits behind the SMTP rate limit. Those
 * emails had not reached the server: the next worker sends them without counting them as sent
 * twice or spending one of their tries. Only what the dead worker had in hand is taken over, said
 * in one line of its successor's log.
 */
describe('a worker killed while emails wait for the rate limit', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: String(RATE),
      SMTP_POOL_SIZE: String(POOL),
      QUEUE_LOCK_MS: '1500',
      MAIL_LEASE_MS: '2000',
      OUTBOX_POLL_MS: '300',
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await t?.close();
    await sink?.stop();
  });

  // Two worker processes start here, each in tens of seconds on a busy machine.
  it('counts as resent only what the dead worker had in hand', async () => {
    const { invitees, campaign } = await invitationCampaign(t, {
      organization: { name: '上田商工会議所', municipality: '長野県上田市' },
      eventTitle: '上田ものづくり商談会',
      invitees: { emailPrefix: 'held', name: '髙田 﨑', furigana: 'タカダ サキ', count: INVITEES },
    });
    const first = WorkerProcess.start(t.config);
    workers.push(first);
    await sink
      .waitUntil((all) => all.length >= 2, 60_000, 'the first invitations')
      .catch((error) => {
        throw new Error(`${(error as Error).message}\nworker log:\n${first.log}`);
      });
    await first.kill();
    const [{ sending }]: { sending: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS sending FROM outbox_messages WHERE batch_id = $1 AND status = 'SENDING'`,
      [campaign.id],
    );
    expect(sending).toBeLessThanOrEqual(HELD);

    const second = WorkerProcess.start(t.config);
    workers.push(second);
    await sink.waitUntil(
      (all) => new Set(all.flatMap((mail) => mail.to)).size >= INVITEES,
      120_000,
      'every invitee to receive the invitation',
    );
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === INVITEES,
      'every outbox row to be SENT',
    );
    const rows = await outbox.findBy({ batchId: campaign.id });
    const resent = rows.reduce((sum, row) => sum + row.resentAfterCrash, 0);
    expect(resent).toBe(sending);
    // A try is spent only by a send that may have reached the server: one each, the taken over two.
    expect(rows.filter((row) => row.attempts > 1)).toHaveLength(sending);
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(INVITEES - sending);
    const received = new Map<string, number>();
    for (const mail of sink.messages) for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1);
    for (const row of rows) {
      const email = invitees.find((invitee) => invitee.id === row.participantId)!.email;
      expect(received.get(email)! - 1).toBeLessThanOrEqual(row.resentAfterCrash);
    }
    if (sending > 0) {
      await eventually(
        () => /took over \d+ emails left sending by a worker that stopped/.test(second.log),
        'the take-over line',
      );
      const lines = second.log.split('\n').filter((line) => line.includes('took over'));
      const taken = lines.reduce((sum, line) => sum + Number(/took over (\d+)/.exec(line)![1]), 0);
      expect(taken).toBe(sending);
      expect(lines.join('\n')).not.toContain('@example.jp');
    }
  }, 240_000);
});
