import { AppConfig } from '../src/config/app-config';
import { MailTransport, OutgoingEmail } from '../src/mail/mail-transport';
import { SmtpSink } from './support/smtp-sink';

const LIMIT = 4;
const EMAILS = 14;

/**
 * SMTP_RATE_PER_SECOND is what one worker process hands to the SMTP server in any second, measured
 * where it counts: at the server. Bounds are the limit's, not our speed's: no sliding second holds
 * more than the limit (one more where a send was delayed), and the emails take (EMAILS − 1) / LIMIT seconds.
 */
describe('the SMTP rate limit', () => {
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeAll(async () => {
    sink = await SmtpSink.start({ parse: false });
    const config = Object.assign(new AppConfig(), {
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: LIMIT,
      SMTP_POOL_SIZE: 5,
    });
    transport = new MailTransport(config);
  });
  afterAll(async () => {
    transport?.onApplicationShutdown();
    await sink?.stop();
  });

  it(`sends at most ${LIMIT} emails in any second, with ${5} connections free to send more`, async () => {
    const email = (i: number): OutgoingEmail => ({
      from: 'Tsunagu <no-reply@tsunagu.local>',
      to: { name: `受信者 ${i}`, address: `rate${i}@example.jp` },
      subject: `件名 ${i}`,
      text: '本文',
      html: '<p>本文</p>',
      messageId: `<rate-${i}@tsunagu.local>`,
      headers: {},
    });
    // The first connection takes its time to open (a few hundred ms on a busy machine), which would
    // hold the first emails back and bunch them up with the next ones: opened before measuring.
    await transport.send(email(EMAILS));
    sink.clear();
    await Promise.all(Array.from({ length: EMAILS }, (_, i) => transport.send(email(i))));
    const starts = sink.messages.map((message) => message.startedAt).sort((a, b) => a - b);
    expect(starts).toHaveLength(EMAILS);
    // Evenly spaced, a second at the server holds the limit, or one more when a send was delayed.
    const busiest = Math.max(
      ...starts.map((start) => starts.filter((t) => t >= start && t < start + 1000).length),
    );
    expect(busiest).toBeLessThanOrEqual(LIMIT + 1);
    // And the emails take as long as the limit says, less a tenth for timers.
    expect(starts[EMAILS - 1] - starts[0]).toBeGreaterThanOrEqual(((EMAILS - 1) / LIMIT) * 1000 * 0.9);
  });
});
