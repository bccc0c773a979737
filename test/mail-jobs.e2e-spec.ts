import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { MAIL_JOB_ROWS } from '../src/mail/mail-jobs';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';

const INVITEES = MAIL_JOB_ROWS + 5;
const RETRY_BASE_MS = 4_000;

/**
 * A campaign goes to the worker MAIL_JOB_ROWS emails to a queue job, and each email is still sent on
 * its own: one that its server refuses for now waits out its backoff alone, its tries counted on,
 * while the others of its job are sent once and done with.
 */
describe("a campaign's emails in queue jobs", () => {
  let sink: SmtpSink;
  let t: TestApp;
  const busyMailbox = 'jobs7@example.jp';

  beforeAll(async () => {
    sink = await SmtpSink.start({
      // 452 at the first two tries: the mailbox's server is busy for a while.
      refuseRecipient: (address, attempt) => (address === busyMailbox && attempt <= 2 ? 452 : undefined),
    });
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: String(RETRY_BASE_MS),
      // The relay looks often and hands over again soon what stays unsent: it must still leave an
      // email waiting out its backoff alone.
      OUTBOX_POLL_MS: '100',
      OUTBOX_REENQUEUE_AFTER_MS: '500',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sends every email of a job once; one refused for now is tried again alone, after its backoff', async () => {
    const { invitees, campaign } = await invitationCampaign(t, {
      organization: { name: '豊橋商工会議所', municipality: '愛知県豊橋市' },
      eventTitle: '東三河ビジネス交流会',
      invitees: { emailPrefix: 'jobs', name: '髙田 﨑子', furigana: 'タカダ サキコ', count: INVITEES },
    });
    const others = invitees.filter((row) => row.email !== busyMailbox);
    await sink.waitUntil((all) => all.length === others.length, 30_000, 'the others');
    const firstRefusedAt = Date.now();
    expect(sink.refusals.filter((refusal) => refusal.address === busyMailbox)).toHaveLength(1);

    await sink.waitUntil((all) => all.length === INVITEES, 60_000, 'the refused one, tried again');
    const arrivedAfter = Date.now() - firstRefusedAt;
    // Twice refused, then taken: after the backoff of its first try and of its second.
    expect(sink.refusals.filter((refusal) => refusal.address === busyMailbox)).toHaveLength(2);
    expect(arrivedAfter).toBeGreaterThanOrEqual(RETRY_BASE_MS + 2 * RETRY_BASE_MS - 1_000);
    // Every invitee has one invitation: nobody's went twice.
    expect(sink.messages.flatMap((mail) => mail.to).sort()).toEqual(invitees.map((row) => row.email).sort());

    const rows = await eventually(async () => {
      const found = await t.dataSource.getRepository(OutboxMessage).findBy({ batchId: campaign.id });
      return found.every((row) => row.status === 'SENT') && found;
    }, 'every row to be SENT');
    const byAddress = new Map(invitees.map((row) => [row.id, row.email]));
    const tries = Object.fromEntries(rows.map((row) => [byAddress.get(row.participantId!), row.attempts]));
    expect(tries).toEqual(
      Object.fromEntries(invitees.map((row) => [row.email, row.email === busyMailbox ? 3 : 1])),
    );
  });
});
