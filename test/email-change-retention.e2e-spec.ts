import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { senderAddress } from '../src/config/app-config';
import {
  EmailChangeRetentionProcessor,
  RETENTION_SCHEDULER,
} from '../src/email-change/email-change-retention.processor';
import { QueueName } from '../src/queue/queue-names';
import { UsersService } from '../src/users/users.service';
import { eventually } from './support/eventually';
import { holdingLocks, untilWaitingForLocks } from './support/lock-waits';
import { createOrganization, createParticipant, PASSWORD, staffSession } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const ERASE = 'mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }';
const REQUEST = 'mutation($email: String!) { requestEmailChange(email: $email) }';
const CHANGE = `mutation($participantId: ID!, $email: String!) {
  changeParticipantEmail(participantId: $participantId, email: $email) { participant { email } }
}`;
const UPDATE_STAFF = `mutation($id: ID!, $input: UpdateStaffUserInput!) {
  updateStaffUser(id: $id, input: $input) { id }
}`;

/** A mail server refusing the typos' domains, quoting the address as Postfix does. */
const refuseTypos = (address: string) =>
  /\.(exmaple|co\.jo)$/.test(address)
    ? { code: 550, text: `5.1.2 <${address}>: Recipient address rejected: Domain not found` }
    : undefined;

/** Recipients the mail server keeps waiting at RCPT TO: each called once it is reached. */
const held = new Map<string, () => Promise<void>>();
/** Recipients whose email the mail server takes quoting them and our sender, as some servers do. */
const quotedWhenTaken = new Set<string>();

interface MailLogRow {
  id: string;
  status: string;
  toAddress: string | null;
  lastError: string | null;
  whole: string;
}

interface StoredRequest {
  newEmail: string | null;
  participantId: string | null;
  userId: string | null;
  replacedAt: Date | null;
  calledOffReason: string | null;
  confirmedAt: Date | null;
}

/**
 * An address change never confirmed — replaced by a later one, called off, or left to expire —
 * holds an address nobody confirmed is the person's, perhaps a typo reaching someone else: it is
 * kept EMAIL_CHANGE_RETENTION_DAYS after the request ended, then forgotten by a nightly scan. What
 * the page behind its long-dead link needs stays.
 */
describe('forgetting the addresses of email changes that ended unconfirmed', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let tokens: ActionTokensService;
  let organizer: string;
  let admin: string;
  let orgId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start({
      refuseRecipient: refuseTypos,
      holdRecipient: (address) => held.get(address)?.(),
      acceptedWith: ([address]) =>
        quotedWhenTaken.has(address)
          ? `2.0.0 OK <${address}> queued, from <${senderAddress(t.config.MAIL_FROM)}>`
          : undefined,
      ownStatusCodes: true,
    });
    t = await createTestApp(sink.appSettings());
    tokens = t.app.get(ActionTokensService);
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '川口商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const requestOf = async (column: 'participant_id' | 'user_id', ownerId: string, address: string) =>
    (
      (await t.dataSource.query(
        `SELECT id FROM email_change_requests WHERE ${column} = $1 AND new_email = $2`,
        [ownerId, address],
      )) as { id: string }[]
    )[0].id;
  /** The link its email carries, as the email would (minted when the request is made). */
  const linkTo = async (requestId: string) =>
    (
      await tokens.mint(t.dataSource.manager, [
        {
          purpose: TokenPurpose.EMAIL_CHANGE,
          subjectId: requestId,
          expiresAt: new Date(Date.now() + DAY_MS),
        },
      ])
    )[0];
  const ask = async (participantId: string, address: string) => {
    ok(await t.gql(REQUEST, { email: address }, await t.participantToken(participantId)));
    const id = await requestOf('participant_id', participantId, address);
    return { id, raw: await linkTo(id) };
  };
  /** Everything about these requests and their links happened `days` earlier. */
  const backdate = async (days: number, ...ids: string[]) => {
    await t.dataSource.query(
      `UPDATE email_change_requests
          SET created_at = created_at - $2 * interval '1 day',
              replaced_at = replaced_at - $2 * interval '1 day',
              called_off_at = called_off_at - $2 * interval '1 day',
              confirmed_at = confirmed_at - $2 * interval '1 day'
        WHERE id = ANY($1::uuid[])`,
      [ids, days],
    );
    await t.dataSource.query(
      `UPDATE action_tokens SET expires_at = expires_at - $2 * interval '1 day'
        WHERE purpose = $3 AND subject_id = ANY($1::uuid[])`,
      [ids, days, TokenPurpose.EMAIL_CHANGE],
    );
  };
  const stored = async (id: string): Promise<StoredRequest> =>
    (
      (await t.dataSource.query(
        `SELECT new_email AS "newEmail", participant_id AS "participantId", user_id AS "userId",
                replaced_at AS "replacedAt", called_off_reason AS "calledOffReason",
                confirmed_at AS "confirmedAt"
           FROM email_change_requests WHERE id = $1`,
        [id],
      )) as StoredRequest[]
    )[0];
  /** The mail log's row of the request's 【メールアドレス変更のご確認】, and all of it as text. */
  const emailOf = async (requestId: string) => {
    const rows: MailLogRow[] = await t.dataSource.query(
      `SELECT id, status, to_address AS "toAddress", last_error AS "lastError", row_to_json(m)::text AS "whole"
         FROM outbox_messages m
        WHERE template = 'email-change-confirmation' AND params ->> 'requestId' = $1`,
      [requestId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  /** Once the request's confirmation went (or bounced): before the next step could make it moot. */
  const went = (requestId: string) =>
    eventually(async () => {
      const email = await emailOf(requestId);
      return !['PENDING', 'SENDING'].includes(email.status) && email;
    }, 'the confirmation email');
  /** The page the link opens, and the one its button answers. */
  const bothPages = async (raw: string, headers: Record<string, string>) => [
    await fetch(`${t.url}/email-change?token=${raw}`, { headers }),
    await fetch(`${t.url}/email-change`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token: raw }).toString(),
    }),
  ];

  it('forgets the address once the request ended unconfirmed long enough ago; its link still opens a clear page', async () => {
    const retention = t.app.get(EmailChangeRetentionProcessor);
    expect(t.config.EMAIL_CHANGE_RETENTION_DAYS).toBe(90);

    // A typo, replaced by the right address, which the person confirmed: 200 days ago.
    const tanaka = await createParticipant(t, organizer, { name: '田中 誠' });
    const typo = await ask(tanaka.id, 'tanaka@kawaguchi-imono.co.jo');
    await went(typo.id);
    const right = await ask(tanaka.id, 'tanaka@kawaguchi-imono.co.jp');
    expect((await bothPages(right.raw, {}))[1].status).toBe(200);

    // An English reader's change, called off by staff correcting the address: 91 days ago.
    const emma = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    const calledOff = await ask(emma.id, 'emma@clarke-design.exmaple');
    await went(calledOff.id);
    ok(await t.gql(CHANGE, { participantId: emma.id, email: 'emma@clarke-design.example' }, organizer));

    // Asked for and never confirmed: its link expired a day later, 91 days ago.
    const sasaki = await createParticipant(t, organizer, { name: '佐々木 舞' });
    const lapsed = await ask(sasaki.id, 'sasaki@kawaguchi-bussan.example');
    // Asked for again today, and waiting for its confirmation.
    const waiting = await ask(sasaki.id, 'sasaki.m@kawaguchi-bussan.example');

    // Replaced 89 days ago: not yet.
    const yamada = await createParticipant(t, organizer, { name: '山田 太一' });
    const recent = await ask(yamada.id, 'yamada@kawaguchi-kikai.example');
    const recentLapsed = await ask(yamada.id, 'yamada.t@kawaguchi-kikai.example');

    // A staff member's new login, asked for twice (the first replaced), never confirmed: 100 days ago.
    const staff = await t.app.get(UsersService).create({
      email: 'kawaguchi.shido@kawaguchi-cci.example.jp',
      name: '川口 指導',
      password: PASSWORD,
      role: Role.STAFF,
      organizationId: orgId,
    });
    ok(await t.gql(UPDATE_STAFF, { id: staff.id, input: { email: 'shido@kawaguchi-cci.exmaple' } }, admin));
    const staffTypo = await requestOf('user_id', staff.id, 'shido@kawaguchi-cci.exmaple');
    const staffLink = await linkTo(staffTypo);
    await went(staffTypo);
    ok(await t.gql(UPDATE_STAFF, { id: staff.id, input: { email: 'shido@kawaguchi-cci.example' } }, admin));
    const staffLapsed = await requestOf('user_id', staff.id, 'shido@kawaguchi-cci.example');

    // The confirmation emails have gone (their links minted) before anything is moved back in time.
    await eventually(
      async () =>
        ((await t.dataSource.query('SELECT 1 FROM outbox_messages WHERE is_open')) as unknown[]).length === 0,
      'the confirmation emails',
    );
    await backdate(200, typo.id, right.id);
    await backdate(91, calledOff.id);
    await backdate(92, lapsed.id);
    await backdate(89, recent.id, recentLapsed.id);
    await backdate(100, staffTypo, staffLapsed);
    // The mail server refused the typos, quoting them: the mail log holds them twice.
    expect(await emailOf(typo.id)).toMatchObject({
      status: 'FAILED',
      toAddress: 'tanaka@kawaguchi-imono.co.jo',
      lastError: expect.stringContaining(
        '550 5.1.2 <tanaka@kawaguchi-imono.co.jo>: Recipient address rejected: Domain not found',
      ),
    });
    // Sasaki's first confirmation is still being sent (its worker stuck mid-send): the sender may
    // yet record an error quoting the address, so its request waits for a later night.
    const lapsedEmail = await emailOf(lapsed.id);
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'SENDING', lease_expires_at = now() + interval '1 hour' WHERE id = $1`,
      [lapsedEmail.id],
    );

    expect(await retention.process()).toBe(4);
    expect((await stored(lapsed.id)).newEmail).toBe('sasaki@kawaguchi-bussan.example');
    expect((await emailOf(lapsed.id)).toAddress).toBe('sasaki@kawaguchi-bussan.example');
    // It failed in the end, the server quoting the address as it was typed on its side.
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'FAILED', lease_expires_at = NULL, failed_at = now(), failure = 'BOUNCED',
              last_error = $2
        WHERE id = $1`,
      [
        lapsedEmail.id,
        "Can't send mail - all recipients were rejected: 550 5.1.1 <Sasaki@Kawaguchi-Bussan.example>: User unknown",
      ],
    );
    expect(await retention.process()).toBe(1);
    // Once is enough: the next night finds nothing more.
    expect(await retention.process()).toBe(0);

    // The mail log forgot them too, in the same run: each confirmation names a placeholder where
    // the address stood, and the address is nowhere in its row; what happened to it still reads.
    const forgotten = {
      [typo.id]: 'tanaka@kawaguchi-imono.co.jo',
      [calledOff.id]: 'emma@clarke-design.exmaple',
      [lapsed.id]: 'sasaki@kawaguchi-bussan.example',
      [staffTypo]: 'shido@kawaguchi-cci.exmaple',
      [staffLapsed]: 'shido@kawaguchi-cci.example',
    };
    for (const [id, address] of Object.entries(forgotten)) {
      const email = await emailOf(id);
      expect(email.toAddress).toBe(`forgotten-${id}@invalid`);
      expect(email.whole.toLowerCase()).not.toContain(address);
    }
    expect(await emailOf(typo.id)).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringContaining(
        `550 5.1.2 <forgotten-${typo.id}@invalid>: Recipient address rejected: Domain not found`,
      ),
    });
    expect((await emailOf(lapsed.id)).lastError).toBe(
      `Can't send mail - all recipients were rejected: 550 5.1.1 <forgotten-${lapsed.id}@invalid>: User unknown`,
    );
    expect((await emailOf(staffLapsed)).status).toBe('SENT');
    const anywhere: unknown[] = await t.dataSource.query(
      `SELECT id FROM outbox_messages m WHERE row_to_json(m)::text ILIKE ANY($1)`,
      [['%exmaple%', '%.co.jo%', '%sasaki@kawaguchi-bussan.example%', '%"shido@kawaguchi-cci.example%']],
    );
    expect(anywhere).toEqual([]);
    // The addresses confirmed, or not yet due, stay where their emails went.
    expect((await emailOf(right.id)).toAddress).toBe('tanaka@kawaguchi-imono.co.jp');
    expect((await emailOf(recent.id)).toAddress).toBe('yamada@kawaguchi-kikai.example');
    expect((await emailOf(waiting.id)).toAddress).toBe('sasaki.m@kawaguchi-bussan.example');

    // The addresses nobody confirmed are gone, and nothing else about the requests.
    expect(await stored(typo.id)).toMatchObject({
      newEmail: null,
      participantId: tanaka.id,
      replacedAt: expect.any(Date),
    });
    expect(await stored(calledOff.id)).toMatchObject({
      newEmail: null,
      participantId: emma.id,
      calledOffReason: 'ADDRESS_CORRECTED',
    });
    expect(await stored(lapsed.id)).toMatchObject({ newEmail: null, participantId: sasaki.id });
    expect(await stored(staffTypo)).toMatchObject({ newEmail: null, userId: staff.id });
    expect(await stored(staffLapsed)).toMatchObject({ newEmail: null, userId: staff.id });
    const unconfirmed: unknown[] = await t.dataSource.query(
      `SELECT id FROM email_change_requests WHERE new_email LIKE '%exmaple' OR new_email LIKE '%.co.jo'`,
    );
    expect(unconfirmed).toEqual([]);
    // The address the person moved to stays with its request; so do those not yet due.
    expect(await stored(right.id)).toMatchObject({
      newEmail: 'tanaka@kawaguchi-imono.co.jp',
      confirmedAt: expect.any(Date),
    });
    expect((await stored(recent.id)).newEmail).toBe('yamada@kawaguchi-kikai.example');
    expect((await stored(recentLapsed.id)).newEmail).toBe('yamada.t@kawaguchi-kikai.example');
    expect((await stored(waiting.id)).newEmail).toBe('sasaki.m@kawaguchi-bussan.example');

    // The person's export lists the email to the typo as sent to the placeholder.
    const emails = ok(
      await t.gql<{ exportMyData: { emails: Record<string, unknown>[] } }>(
        'query { exportMyData { emails { template status toAddress } } }',
        {},
        await t.participantToken(tanaka.id),
      ),
    ).exportMyData.emails;
    expect(emails).toEqual(
      expect.arrayContaining([
        {
          template: 'email-change-confirmation',
          status: 'FAILED',
          toAddress: `forgotten-${typo.id}@invalid`,
        },
        { template: 'email-change-confirmation', status: 'SENT', toAddress: 'tanaka@kawaguchi-imono.co.jp' },
      ]),
    );

    // The person's export shows the request without the address.
    const exported = ok(
      await t.gql<{ exportMyData: { emailChangeRequests: Record<string, unknown>[] } }>(
        'query { exportMyData { emailChangeRequests { newEmail calledOffAt calledOffReason } } }',
        {},
        await t.participantToken(emma.id),
      ),
    ).exportMyData.emailChangeRequests;
    expect(exported).toEqual([
      { newEmail: null, calledOffAt: expect.any(String), calledOffReason: 'ADDRESS_CORRECTED' },
    ]);

    // The long-dead links still open a page, in their owner's language, whatever the browser:
    // expired, and what to do, as any old link of theirs.
    for (const response of await bothPages(calledOff.raw, { 'accept-language': 'de-DE,de;q=0.9' })) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<p>This link has expired.</p>');
      expect(html).toContain('<p>Please ask for the change again.</p>');
    }
    for (const response of await bothPages(typo.raw, {})) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="ja">');
      expect(html).toContain('<p>このリンクは有効期限が切れています。</p>');
      expect(html).toContain('<p>お手数ですが、もう一度お申込ください。</p>');
    }
    // A staff member's: whom to ask, not the newer email's button (which expired long ago too).
    for (const response of await bothPages(staffLink, { 'accept-language': 'en-US,en;q=0.9' })) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="ja">');
      expect(html).toContain('<p>このリンクは有効期限が切れています。</p>');
      expect(html).toContain(
        '<p>お手数ですが、所属団体の主催者または Tsunagu の管理者に、もう一度変更を依頼してください。</p>',
      );
      expect(html).not.toContain('新しいほうのメール');
    }
    expect(await t.app.get(UsersService).get(staff.id)).toMatchObject({
      email: 'kawaguchi.shido@kawaguchi-cci.example.jp',
    });

    // The period is a setting: shorter, the request replaced 89 days ago goes too, and the one that
    // replaced it (its link expired 88 days ago).
    t.config.EMAIL_CHANGE_RETENTION_DAYS = 60;
    try {
      expect(await retention.process()).toBe(2);
    } finally {
      t.config.EMAIL_CHANGE_RETENTION_DAYS = 90;
    }
    expect((await stored(recent.id)).newEmail).toBeNull();
    expect((await stored(recentLapsed.id)).newEmail).toBeNull();
    expect((await stored(waiting.id)).newEmail).toBe('sasaki.m@kawaguchi-bussan.example');

    // Nightly, at EMAIL_CHANGE_RETENTION_CRON (here the test app's never-during-tests time).
    const queue = t.app.get<Queue>(getQueueToken(QueueName.EMAIL_CHANGE_RETENTION));
    const scheduler = await eventually(() => queue.getJobScheduler(RETENTION_SCHEDULER), 'the nightly scan');
    expect(scheduler).toMatchObject({ pattern: t.config.EMAIL_CHANGE_RETENTION_CRON, tz: 'Asia/Tokyo' });
  });

  it("waits for an erasure of the request's owner the same night, or it waits for the scan, rather than deadlock", async () => {
    const retention = t.app.get(EmailChangeRetentionProcessor);
    const ito = await createParticipant(t, organizer, { name: '伊藤 健' });
    const typo = await ask(ito.id, 'ito@kawaguchi-tekko.co.jo');
    const confirmation = await went(typo.id);
    expect(confirmation).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringContaining('<ito@kawaguchi-tekko.co.jo>'),
    });
    await backdate(100, typo.id);

    // The bounced confirmation is held here: the scan stops where it forgets the address in it,
    // having taken whatever it takes before; the erasure comes meanwhile and stops there too.
    const { scanned, erased } = await holdingLocks(t.dataSource, async (hold) => {
      await hold('SELECT 1 FROM outbox_messages WHERE id = $1 FOR UPDATE', [confirmation.id]);
      const scanned = retention.process();
      await untilWaitingForLocks(t.dataSource, 1);
      const erased = t.gql(ERASE, { id: ito.id }, admin);
      await untilWaitingForLocks(t.dataSource, 2);
      return { scanned, erased };
    });
    expect(await scanned).toBe(1);
    ok(await erased);
    expect(await t.dataSource.query('SELECT id FROM email_change_requests WHERE id = $1', [typo.id])).toEqual(
      [],
    );
    const email = await emailOf(typo.id);
    expect(email.toAddress).toBeNull();
    expect(email.whole).not.toContain('co.jo');
  });

  it('records the refusal of a confirmation sent while its person was erased without their address', async () => {
    const ono = await createParticipant(t, organizer, { name: '小野 実' });
    const typo = 'ono@sumida-kogyo.co.jo';
    let reached!: () => void;
    const atTheServer = new Promise<void>((resolve) => (reached = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    held.set(typo, () => {
      reached();
      return answered;
    });
    try {
      const request = await ask(ono.id, typo);
      await atTheServer;
      ok(await t.gql(ERASE, { id: ono.id }, admin));
      answer();
      const email = await eventually(async () => {
        const [row]: MailLogRow[] = await t.dataSource.query(
          `SELECT id, status, to_address AS "toAddress", last_error AS "lastError", row_to_json(m)::text AS "whole"
             FROM outbox_messages m WHERE participant_id = $1 AND params ->> 'requestId' = $2`,
          [ono.id, request.id],
        );
        return row?.status === 'FAILED' && row;
      }, 'the refusal');
      expect(email.lastError).toContain(`<erased-${ono.id}@invalid>: Recipient address rejected`);
      expect(email.whole).not.toContain('co.jo');
    } finally {
      held.delete(typo);
      answer();
    }
  });

  /**
   * The person asks to move to `address`; its confirmation reaches the mail server, which keeps it
   * waiting while the person is erased, then takes it quoting the address and our sender. Answers
   * the confirmation's row once marked sent.
   */
  const takenWhileErased = async (personId: string, address: string) => {
    let reached!: () => void;
    const atTheServer = new Promise<void>((resolve) => (reached = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    held.set(address, () => {
      reached();
      return answered;
    });
    quotedWhenTaken.add(address);
    try {
      const request = await ask(personId, address);
      await atTheServer;
      ok(await t.gql(ERASE, { id: personId }, admin));
      answer();
      const email = await eventually(async () => {
        const [row]: (MailLogRow & { smtpResponse: string | null })[] = await t.dataSource.query(
          `SELECT id, status, to_address AS "toAddress", last_error AS "lastError",
                  smtp_response AS "smtpResponse", row_to_json(m)::text AS "whole"
             FROM outbox_messages m WHERE participant_id = $1 AND params ->> 'requestId' = $2`,
          [personId, request.id],
        );
        return row?.status === 'SENT' && row;
      }, 'the email taken');
      expect(sink.to(address)).toHaveLength(1);
      return email;
    } finally {
      held.delete(address);
      quotedWhenTaken.delete(address);
      answer();
    }
  };

  it('records the answer of the mail server that took a confirmation while its person was erased without their address, ours kept', async () => {
    const kato = await createParticipant(t, organizer, { name: '加藤 修' });
    const email = await takenWhileErased(kato.id, 'kato@kawaguchi-chuzo.co.jp');
    expect(email.smtpResponse).toBe(
      `250 2.0.0 OK <erased-${kato.id}@invalid> queued, from <${senderAddress(t.config.MAIL_FROM)}>`,
    );
    expect(email.whole).not.toContain('kawaguchi-chuzo');
  });

  it("forgets the address the answer quotes even where it is also a staff account's", async () => {
    // A 支援担当 who also came as a participant, with their work address.
    const address = 'hayashi@kawaguchi-cci.example.jp';
    await t.app.get(UsersService).create({
      email: address,
      name: '林 直樹',
      password: PASSWORD,
      role: Role.STAFF,
      organizationId: orgId,
    });
    const hayashi = await createParticipant(t, organizer, { name: '林 直樹' });
    const email = await takenWhileErased(hayashi.id, address);
    expect(email.smtpResponse).toBe(
      `250 2.0.0 OK <erased-${hayashi.id}@invalid> queued, from <${senderAddress(t.config.MAIL_FROM)}>`,
    );
    expect(email.whole).not.toContain('hayashi@');
  });
});
