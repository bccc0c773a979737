import { createParticipant, invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

const INVITEES = 80;
const RATE = 20;

/**
 * A participant who asks for a sign-in link while a campaign is going out waits for the link,
 * not for the campaign: transactional mail has its own queue. At 20 emails/s the 80 invitations
 * take four seconds; the link arrives among the first of them.
 */
describe('mail someone is waiting for', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: String(RATE),
      MAIL_CONCURRENCY: '4',
      OUTBOX_POLL_MS: '200',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sends a sign-in link ahead of a campaign already queued', async () => {
    const { organizer } = await invitationCampaign(t, {
      organization: { name: '川口商工会議所', municipality: '埼玉県川口市' },
      eventTitle: '川口ものづくり商談会',
      invitees: { emailPrefix: 'kawaguchi', name: '髙野 﨑', furigana: 'タカノ サキ', count: INVITEES },
    });
    const person = await createParticipant(t, organizer, { name: '﨑田 髙子' });
    const invitations = () => sink.messages.filter((mail) => mail.to[0].startsWith('kawaguchi')).length;
    // The campaign is queued and going out…
    await sink.waitUntil(() => invitations() > 0);

    // …when the participant asks for a link.
    ok(await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: person.email }));
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [link] = sink.to(person.email);
    expect(link.subject).toBe('【Tsunagu】ログイン用リンクのお知らせ');
    expect(invitations()).toBeLessThan(INVITEES / 2);

    // The campaign goes on to its end, each invitation once.
    await sink.waitUntil(() => invitations() === INVITEES, 20_000);
    expect(new Set(sink.messages.map((mail) => mail.to[0])).size).toBe(sink.messages.length);
  });
});
