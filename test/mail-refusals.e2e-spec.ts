import { IsNull, Not } from 'typeorm';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Participant } from '../src/participants/participant.entity';
import { eventually } from './support/eventually';
import { invitationCampaign } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

const INVITEES = 9;

interface FailureKind {
  count: number;
  lastAt: string | null;
  lastError: string | null;
}
interface MailHealth {
  status: string;
  problems: string[];
  outbox: { refused: number };
  recentFailures: { hours: number; refused: FailureKind; bounced: FailureKind; gaveUp: FailureKind };
}
const NONE: FailureKind = { count: 0, lastAt: null, lastError: null };

const CHANGE_FIELDS = 'byName byOrganization bySelf fields { field label before after }';
type Change = { byName: string | null; byOrganization: string | null; bySelf: boolean; fields: unknown[] };

interface Campaign {
  total: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * The mail relay refuses to relay for us (`550 5.7.1 Relaying denied`, or `550 Relaying denied`
 * from a server without enhanced codes): our configuration's problem, not the recipients'. Nobody
 * is suppressed, /health/mail says what is wrong, and once the relay is fixed the failed emails
 * go again. A mailbox that really is unknown (5.1.1) is suppressed, and staff can lift that too.
 */
describe('a mail relay that refuses our email', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let relayDenies = true;
  const unknownMailboxes = new Set<string>();
  const fullMailboxes = new Set<string>();

  beforeAll(async () => {
    sink = await SmtpSink.start({
      ownStatusCodes: true,
      refuseRecipient: (address) => {
        if (unknownMailboxes.has(address)) return { code: 550, text: '5.1.1 User unknown' };
        if (fullMailboxes.has(address)) return { code: 452, text: '4.2.2 Mailbox full' };
        if (!relayDenies) return undefined;
        // Every other recipient one way, the rest the other.
        return /[13579]@/.test(address)
          ? { code: 550, text: '5.7.1 Relaying denied' }
          : { code: 550, text: 'Relaying denied' };
      },
    });
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_MAX_ATTEMPTS: '2',
      // Long enough for /health/mail to be read between the two tries.
      MAIL_RETRY_BASE_MS: '4000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** What the engineer on call reads. */
  const mailHealth = async () => {
    const response = await fetch(`${t.url}/health/mail`);
    return { status: response.status, body: (await response.json()) as MailHealth };
  };

  /** A participant's 変更履歴 as staff read it, newest first. */
  const history = async (token: string, participantId: string) =>
    ok(
      await t.gql<{ participant: { profileChanges: Change[] } }>(
        `query($id: ID!) { participant(id: $id) { profileChanges { ${CHANGE_FIELDS} } } }`,
        { id: participantId },
        token,
      ),
    ).participant.profileChanges;

  it('fails the emails without suppressing anyone, says so on /health/mail, and sends them again once fixed', async () => {
    const { organizer, eventId, invitees, campaign } = await invitationCampaign(t, {
      organization: { name: '諏訪商工会議所', municipality: '長野県諏訪市' },
      eventTitle: '諏訪ものづくり商談会',
      invitees: { emailPrefix: 'relay', name: '髙木 﨑子', furigana: 'タカギ サキコ', count: INVITEES },
    });
    const status = async () =>
      ok(
        await t.gql<{ invitationCampaign: Campaign }>(
          'query($id: ID!) { invitationCampaign(id: $id) { total queued sent failed skipped } }',
          { id: campaign.id },
          organizer,
        ),
      ).invitationCampaign;

    // Between the tries, the on-call page names the problem: the server, not the addresses.
    const health = await eventually(async () => {
      const response = await fetch(`${t.url}/health/mail`);
      const body = (await response.json()) as {
        status: string;
        problems: string[];
        outbox: { refused: number };
      };
      return body.outbox.refused === INVITEES && { status: response.status, body };
    }, 'every invitation to be refused once');
    expect(health.status).toBe(503);
    expect(health.body.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${INVITEES} waiting emails were refused by the mail server for a reason other than their address \\(last error: SMTP 550( 5\\.7\\.1)?\\)`,
        ),
      ),
    );
    expect(JSON.stringify(health.body)).not.toContain('example.jp');

    await eventually(async () => {
      const current = await status();
      return current.queued === 0 && current.failed === INVITEES;
    }, 'every invitation to fail after its tries');
    const participants = t.dataSource.getRepository(Participant);
    const people = await participants.findBy(invitees.map((row) => ({ id: row.id })));
    expect(people.filter((person) => person.emailSuppressedAt !== null)).toEqual([]);
    const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ batchId: campaign.id });
    expect(rows.map((row) => row.attempts)).toEqual(Array(INVITEES).fill(2));

    // Nothing waits any more, so nothing is stalled; but whoever looks later still sees that the
    // mail server refused today's invitations, and what it answered.
    const later = await mailHealth();
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ status: 'ok', problems: [] });
    expect(later.body.recentFailures).toEqual({
      hours: 24,
      refused: { count: INVITEES, lastAt: expect.any(String), lastError: expect.stringMatching(/^SMTP 550/) },
      bounced: NONE,
      gaveUp: NONE,
    });
    expect(Date.now() - Date.parse(later.body.recentFailures.refused.lastAt!)).toBeLessThan(60_000);
    expect(JSON.stringify(later.body)).not.toContain('example.jp');

    // The relay is fixed: staff send the failed emails again, and every invitee gets one.
    relayDenies = false;
    expect(
      ok(
        await t.gql<{ resendFailedEmails: number }>(
          'mutation($e: ID!, $b: ID) { resendFailedEmails(eventId: $e, batchId: $b) }',
          { e: eventId, b: campaign.id },
          organizer,
        ),
      ).resendFailedEmails,
    ).toBe(INVITEES);
    // Sent again, they are no longer failures to look into.
    expect((await mailHealth()).body.recentFailures.refused).toEqual(NONE);
    await sink.waitUntil((all) => all.length >= INVITEES, 30_000, 'every invitation after the fix');
    expect(sink.messages.flatMap((mail) => mail.to).sort()).toEqual(invitees.map((row) => row.email).sort());
    const healthy = await fetch(`${t.url}/health/mail`);
    expect(healthy.status).toBe(200);
  });

  it('suppresses an unknown mailbox (5.1.1); staff who know better lift it, and what failed goes again', async () => {
    sink.clear();
    const { organizer, invitees, campaign } = await invitationCampaign(t, {
      organization: { name: '茅野商工会議所', municipality: '長野県茅野市' },
      eventTitle: '茅野ものづくり商談会',
      invitees: { emailPrefix: 'gone', name: '吉田 髙志', furigana: 'ヨシダ タカシ', count: 2 },
    });
    for (const row of invitees) unknownMailboxes.add(row.email);
    const participants = t.dataSource.getRepository(Participant);
    await eventually(
      async () =>
        (await participants.countBy(
          invitees.map((row) => ({ id: row.id, emailSuppressedAt: Not(IsNull()) })),
        )) === 2,
      'both addresses to be suppressed',
    );
    const outbox = t.dataSource.getRepository(OutboxMessage);
    expect((await outbox.findBy({ batchId: campaign.id })).map((row) => row.status)).toEqual([
      'FAILED',
      'FAILED',
    ]);
    // The report names the bounces apart from the server's refusals; they stall nothing.
    const bounced = await mailHealth();
    expect(bounced.status).toBe(200);
    expect(bounced.body.recentFailures).toEqual({
      hours: 24,
      refused: NONE,
      bounced: { count: 2, lastAt: expect.any(String), lastError: 'SMTP 550 5.1.1' },
      gaveUp: NONE,
    });
    // The mailboxes exist after all (a server that was misconfigured).
    unknownMailboxes.clear();
    const [first, second] = invitees;
    // The 変更履歴 says since when mail has not gone: the service suppressed it, nobody by name.
    const suppressed = {
      byName: null,
      byOrganization: null,
      bySelf: false,
      fields: [
        { field: 'emailSuppressed', label: 'メール不達による送信停止', before: 'いいえ', after: 'はい' },
      ],
    };
    expect(await history(organizer, first.id)).toEqual([suppressed]);

    const lifted = ok(
      await t.gql<{
        unsuppressParticipantEmail: { resentEmails: number; participant: { emailSuppressed: boolean } };
      }>(
        'mutation($p: ID!) { unsuppressParticipantEmail(participantId: $p) { resentEmails participant { emailSuppressed } } }',
        { p: first.id },
        organizer,
      ),
    ).unsuppressParticipantEmail;
    expect(lifted).toEqual({ resentEmails: 1, participant: { emailSuppressed: false } });

    // The same address given to changeParticipantEmail does the same.
    const same = ok(
      await t.gql<{
        changeParticipantEmail: { resentEmails: number; participant: { emailSuppressed: boolean } };
      }>(
        'mutation($p: ID!, $e: String!) { changeParticipantEmail(participantId: $p, email: $e) { resentEmails participant { emailSuppressed } } }',
        { p: second.id, e: second.email },
        organizer,
      ),
    ).changeParticipantEmail;
    expect(same).toEqual({ resentEmails: 1, participant: { emailSuppressed: false } });

    // Who lifted it, and when, is in the 変更履歴 that staff read and the person downloads.
    const lift = {
      byName: 'テスト 担当',
      byOrganization: '茅野商工会議所',
      bySelf: false,
      fields: [
        { field: 'emailSuppressed', label: 'メール不達による送信停止', before: 'はい', after: 'いいえ' },
      ],
    };
    for (const person of [first, second])
      expect(await history(organizer, person.id)).toEqual([lift, suppressed]);
    const mine = ok(
      await t.gql<{ exportMyData: { profileChanges: Change[] } }>(
        `{ exportMyData { profileChanges { ${CHANGE_FIELDS} } } }`,
        {},
        await t.participantToken(first.id),
      ),
    ).exportMyData.profileChanges;
    expect(mine).toEqual([lift, suppressed]);
    // Lifting an address that is not suppressed changes nothing, and records nothing.
    ok(
      await t.gql(
        'mutation($p: ID!) { unsuppressParticipantEmail(participantId: $p) { resentEmails } }',
        { p: first.id },
        organizer,
      ),
    );
    expect(await history(organizer, first.id)).toHaveLength(2);

    await sink.waitUntil(
      (all) => all.length >= 2,
      30_000,
      'both invitations after the suppression was lifted',
    );
    expect(sink.messages.flatMap((mail) => mail.to).sort()).toEqual(invitees.map((row) => row.email).sort());
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'SENT' as never })) === 2,
      'both rows to be SENT',
    );
    expect((await mailHealth()).body.recentFailures.bounced).toEqual(NONE);
  });

  it('reports emails given up after their tries for the last 24 hours, then no more; /health stays ok', async () => {
    sink.clear();
    const { invitees, campaign } = await invitationCampaign(t, {
      organization: { name: '岡谷商工会議所', municipality: '長野県岡谷市' },
      eventTitle: '岡谷精密加工商談会',
      invitees: { emailPrefix: 'full', name: '石川 﨑', furigana: 'イシカワ サキ', count: 3 },
    });
    for (const row of invitees) fullMailboxes.add(row.email);
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await outbox.countBy({ batchId: campaign.id, status: 'FAILED' as never })) === 3,
      'the three invitations to be given up',
    );
    const report = await mailHealth();
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ status: 'ok', problems: [] });
    expect(report.body.recentFailures).toEqual({
      hours: 24,
      refused: NONE,
      bounced: NONE,
      gaveUp: { count: 3, lastAt: expect.any(String), lastError: 'SMTP 452 4.2.2' },
    });
    // Nobody is suppressed for a full mailbox.
    expect(
      await t.dataSource
        .getRepository(Participant)
        .countBy(invitees.map((row) => ({ id: row.id, emailSuppressedAt: Not(IsNull()) }))),
    ).toBe(0);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');

    // A day later the same failures are out of the window.
    await t.dataSource.query(
      `UPDATE outbox_messages SET failed_at = failed_at - interval '24 hours 1 minute' WHERE batch_id = $1`,
      [campaign.id],
    );
    expect((await mailHealth()).body.recentFailures.gaveUp).toEqual(NONE);
  });
});
