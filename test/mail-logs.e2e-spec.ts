import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { captureLogs } from './support/captured-logs';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';

/**
 * "Why did participant X not get the invitation?": the outbox row says, and the log has a line for
 * each email that will not arrive, naming the row and the participant by id — never the address
 * or a link.
 */
describe('the log of emails that do not arrive', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let logged: string[] = [];

  beforeAll(async () => {
    // Refusals that quote the mailbox, as Postfix's do.
    sink = await SmtpSink.start({
      ownStatusCodes: true,
      refuseRecipient: (address) =>
        address === 'nolog1@example.jp'
          ? { code: 550, text: `5.1.1 <${address}>: Recipient address rejected: User unknown` }
          : address === 'nolog2@example.jp'
            ? { code: 451, text: `4.7.1 <${address}>: Recipient address rejected: Greylisted` }
            : undefined,
    });
    t = await createTestApp({
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '200',
      MAIL_MAX_ATTEMPTS: '2',
      MAIL_RETRY_BASE_MS: '100',
    });
    logged = captureLogs(['log', 'warn', 'error']);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await sink?.stop();
  });

  it('names the outbox row and the participant of a bounce and of a give-up, and no address or link', async () => {
    const { campaign, invitees } = await invitationCampaign(t, {
      organization: { name: '東大阪商工会議所', municipality: '大阪府東大阪市' },
      eventTitle: '東大阪ものづくり交流会',
      invitees: { emailPrefix: 'nolog', name: '東 一郎', furigana: 'アズマ イチロウ', count: 3 },
    });
    const outbox = t.dataSource.getRepository(OutboxMessage);
    const rows = await eventually(async () => {
      const all = await outbox.findBy({ batchId: campaign.id });
      return all.every((row) => ['SENT', 'FAILED'].includes(row.status)) ? all : undefined;
    }, 'every invitation to be sent or failed');
    const rowOf = (email: string) => {
      const participant = invitees.find((row) => row.email === email)!;
      return rows.find((row) => row.participantId === participant.id)!;
    };

    const bounced = rowOf('nolog1@example.jp');
    expect(bounced.status).toBe('FAILED');
    expect(logged).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${bounced.key} refused for good \\(outbox ${bounced.id}, participant ${bounced.participantId}\\): `,
        ),
      ),
    );
    const givenUp = rowOf('nolog2@example.jp');
    expect(givenUp.status).toBe('FAILED');
    expect(logged).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^giving up on ${givenUp.key} \\(outbox ${givenUp.id}, participant ${givenUp.participantId}\\) after 2 tries: `,
        ),
      ),
    );
    // The first temporary failure says so at once, not only at the last try.
    expect(logged).toContainEqual(
      expect.stringContaining(`${givenUp.key} not sent yet (outbox ${givenUp.id}, try 1 of 2)`),
    );
    expect(rowOf('nolog3@example.jp').status).toBe('SENT');

    // What the server said stays, without the address it quoted (the row's last_error keeps it).
    expect(logged).toContainEqual(
      expect.stringContaining('550 5.1.1 <[address]>: Recipient address rejected: User unknown'),
    );
    expect(bounced.lastError).toContain('<nolog1@example.jp>');
    const all = logged.join('\n');
    expect(all).not.toContain('@example.jp');
    expect(all).not.toContain('token=');
  });
});
