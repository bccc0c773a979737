import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  staffSession,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { formatTokyoJapanese } from '../src/common/time/tokyo-time';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CHANGE = `mutation($participantId: ID!, $email: String!) {
  changeParticipantEmail(participantId: $participantId, email: $email) {
    resentEmails
    participant { id email emailSuppressed profileChanges { bySelf fields { field label before after } } }
  }
}`;

interface Change {
  resentEmails: number;
  participant: {
    id: string;
    email: string;
    emailSuppressed: boolean;
    profileChanges: { bySelf: boolean; fields: Record<string, string>[] }[];
  };
}

/**
 * A 経営指導員 corrects an address after 「宛先不明」: the mail that bounced off the typo reaches
 * the person at the address they really have, and nothing else about them changes.
 */
describe('correcting a participant’s email address', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;

  beforeAll(async () => {
    // exmaple.jp: the typo; its mail server knows nobody.
    sink = await SmtpSink.start({
      refuseRecipient: (address) => (address.endsWith('@exmaple.jp') ? 550 : undefined),
    });
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '葛飾区商工会議所',
      contactEmail: 'info@katsushika-cci.example.jp',
      contactPhone: '03-3662-3191',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, { title: '葛飾区ものづくり商談会' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const change = async (participantId: string, email: string) =>
    ok(await t.gql<{ changeParticipantEmail: Change }>(CHANGE, { participantId, email }, organizer))
      .changeParticipantEmail;

  const outboxOf = (participantId: string): Promise<{ template: string; status: string }[]> =>
    t.dataSource.query('SELECT template, status FROM outbox_messages WHERE participant_id = $1', [
      participantId,
    ]);

  it('sends the invitation that bounced off a typo to the corrected address, once, and it can be accepted', async () => {
    const person = await createParticipant(t, organizer, {
      name: '髙橋 美﨑',
      email: 'misaki.takahashi@exmaple.jp',
    });
    ok(
      await t.gql(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
        { eventId, ids: [person.id] },
        organizer,
      ),
    );
    await eventually(
      async () => (await outboxOf(person.id)).some((row) => row.status === 'FAILED'),
      'the invitation to bounce',
    );

    // Staff find whom mail no longer reaches: in the pool, and in the list Excel opens.
    const bounced = async () =>
      ok(
        await t.gql<{ participants: { edges: { node: { id: string } }[] } }>(
          '{ participants(filter: { emailSuppressed: true }) { edges { node { id } } } }',
          {},
          organizer,
        ),
      ).participants.edges.map((edge) => edge.node.id);
    expect(await bounced()).toEqual([person.id]);
    const list = await fetchCsv(t, '/exports/participants.csv?emailSuppressed=true', organizer);
    expect(list.status).toBe(200);
    expect(list.lines).toHaveLength(2);
    expect(list.lines[1]).toContain('misaki.takahashi@exmaple.jp');
    const wrong = await fetchCsv(t, '/exports/participants.csv?emailSuppressed=yes', organizer);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('emailSuppressed');

    const changed = await change(person.id, 'Misaki.Takahashi@Example.jp');
    expect(changed).toMatchObject({
      resentEmails: 1,
      participant: { email: 'misaki.takahashi@example.jp', emailSuppressed: false },
    });
    // The 変更履歴 keeps the old address, for whoever wonders where the mail went before, and that
    // the change lifted the suppression the bounce had set (the entry below).
    expect(changed.participant.profileChanges).toEqual([
      {
        bySelf: false,
        fields: [
          {
            field: 'email',
            label: 'メールアドレス',
            before: 'misaki.takahashi@exmaple.jp',
            after: 'misaki.takahashi@example.jp',
          },
          { field: 'emailSuppressed', label: 'メール不達による送信停止', before: 'はい', after: 'いいえ' },
        ],
      },
      {
        bySelf: false,
        fields: [
          { field: 'emailSuppressed', label: 'メール不達による送信停止', before: 'いいえ', after: 'はい' },
        ],
      },
    ]);

    await sink.waitUntil(() => sink.to('misaki.takahashi@example.jp').length === 1, 30_000, 'the invitation');
    const [invitation] = sink.to('misaki.takahashi@example.jp');
    expect(invitation.subject).toContain('葛飾区ものづくり商談会');
    expect(invitation.text).toContain('髙橋 美﨑 様');
    const accept = invitationAnswerLink(t, invitation, 1);
    expect((await fetch(accept.url)).status).toBe(200);
    const done = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(done.status).toBe(200);
    const [registration]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, person.id],
    );
    expect(registration.status).toBe('REGISTERED');
    expect(await bounced()).toEqual([]);

    // The same address again changes nothing and sends nothing.
    const again = await change(person.id, 'misaki.takahashi@example.jp');
    expect(again.resentEmails).toBe(0);
    expect(again.participant.profileChanges).toHaveLength(2);
    await sink.waitUntil(
      () => sink.to('misaki.takahashi@example.jp').length === 2,
      30_000,
      'the confirmation',
    );
    expect(sink.to('misaki.takahashi@example.jp').map((mail) => mail.subject)).toEqual([
      expect.stringContaining('ご招待'),
      expect.stringContaining('参加登録完了'),
    ]);
    // The old Excel list, imported again, does not bring her back under the typo; nor does the form.
    const imported = ok(
      await t.gql<{
        importParticipants: { created: number; updated: number; errors: Record<string, unknown>[] };
      }>(
        'mutation($csv: String!) { importParticipants(csv: $csv) { created updated errors { row field column message } } }',
        {
          csv: 'メールアドレス,氏名,フリガナ\nmisaki.takahashi@exmaple.jp,髙橋　美﨑,タカハシ ミサキ\nsomeone.new@example.jp,新井 一郎,アライ イチロウ\n',
        },
        organizer,
      ),
    ).importParticipants;
    expect(imported).toEqual({
      created: 1,
      updated: 0,
      errors: [
        {
          row: 2,
          field: 'email',
          column: 'メールアドレス',
          message:
            'misaki.takahashi@exmaple.jp は 髙橋 美﨑 さんの以前のメールアドレスです（現在は misaki.takahashi@example.jp）。同じ方なら、今のアドレスで登録してください',
        },
      ],
    });
    const retyped = failure(
      await t.gql(
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
        { input: { email: 'misaki.takahashi@exmaple.jp', name: '髙橋 美﨑', furigana: 'タカハシ ミサキ' } },
        organizer,
      ),
    );
    expect(retyped.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_EMAIL_MOVED_AWAY',
      field: 'email',
    });
    const [{ people }]: { people: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS people FROM participants WHERE name = '髙橋 美﨑'`,
    );
    expect(people).toBe(1);

    // The typo never worked: no notice is sent to it.
    expect(sink.to('misaki.takahashi@exmaple.jp')).toHaveLength(0);
    const notices: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM outbox_messages WHERE participant_id = $1 AND template = 'email-changed-notice'`,
      [person.id],
    );
    expect(notices).toEqual([]);
  });

  it('refuses an address another participant has, a malformed one and an unknown person, changing nothing', async () => {
    const sato = await createParticipant(t, organizer, { name: '佐藤 健一' });
    const suzuki = await createParticipant(t, organizer, { name: '鈴木 一郎' });

    const taken = failure(await t.gql(CHANGE, { participantId: sato.id, email: suzuki.email }, organizer));
    expect(taken.message).toBe(`${suzuki.email} は別の参加者のメールアドレスとして登録されています`);
    expect(taken.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_EMAIL_TAKEN',
      field: 'email',
    });
    const malformed = failure(
      await t.gql(CHANGE, { participantId: sato.id, email: 'sato@@example' }, organizer),
    );
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const unknown = failure(
      await t.gql(
        CHANGE,
        { participantId: '00000000-0000-4000-8000-000000000000', email: 'someone@example.jp' },
        organizer,
      ),
    );
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'participantId' });

    const [stored]: { email: string }[] = await t.dataSource.query(
      'SELECT email FROM participants WHERE id = $1',
      [sato.id],
    );
    expect(stored.email).toBe(sato.email);
    const history: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM participant_profile_changes WHERE participant_id = $1',
      [sato.id],
    );
    expect(history).toEqual([]);
    // Participants cannot move anyone's mail, their own included.
    const self = failure(
      await t.gql(
        CHANGE,
        { participantId: sato.id, email: 'elsewhere@example.jp' },
        await t.participantToken(sato.id),
      ),
    );
    expect(self.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ends the sign-in links mailed to the old address, and the sessions signed in through it', async () => {
    const person = await createParticipant(t, organizer, { name: '山田 花子' });
    const before = await t.participantToken(person.id);
    const me = (session: string) => t.gql('{ me { participant { id } } }', {}, session);
    ok(await me(before));
    ok(await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: person.email }));
    await sink.waitUntil(() => sink.to(person.email).length === 1, 30_000, 'the sign-in link');
    const token = /\/sign-in\?token=([\w-]+)/.exec(sink.to(person.email)[0].text)![1];

    await change(person.id, 'hanako.yamada@example.jp');
    expect(failure(await me(before)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    ok(await me(await t.participantToken(person.id)));
    // The old address worked: it is told, with who made the change and whom to ask.
    await sink.waitUntil(() => sink.to(person.email).length === 2, 30_000, 'the notice to the old address');
    const notice = sink.to(person.email)[1];
    expect(notice.subject).toBe('【Tsunagu】メールアドレス変更のお知らせ');
    expect(notice.text).toContain(
      '葛飾区商工会議所の担当者が、Tsunagu にご登録のメールアドレスを ha***@example.jp に変更しました。',
    );
    expect(notice.text).toContain(
      'お心当たりのない場合は、葛飾区商工会議所（info@katsushika-cci.example.jp / TEL 03-3662-3191）にお問い合わせください。',
    );
    expect(notice.text).not.toContain('hanako.yamada@example.jp');
    const refused = failure(
      await t.gql('mutation($token: String!) { redeemMagicLink(token: $token) { token } }', { token }),
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    // A link asked for at the new address works.
    ok(
      await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', {
        email: 'hanako.yamada@example.jp',
      }),
    );
    await sink.waitUntil(() => sink.to('hanako.yamada@example.jp').length === 1, 30_000, 'the new link');
    const fresh = /\/sign-in\?token=([\w-]+)/.exec(sink.to('hanako.yamada@example.jp')[0].text)![1];
    expect(
      ok(
        await t.gql<{ redeemMagicLink: { participant: { id: string } } }>(
          'mutation($token: String!) { redeemMagicLink(token: $token) { participant { id } } }',
          { token: fresh },
        ),
      ).redeemMagicLink.participant.id,
    ).toBe(person.id);
  });

  describe('by the participant, from a link sent to the new address', () => {
    const REQUEST = 'mutation($email: String!) { requestEmailChange(email: $email) }';
    const linkIn = (text: string) => new RegExp(`${t.url}/email-change\\?token=([\\w-]+)`).exec(text);
    const press = (token: string) =>
      fetch(`${t.url}/email-change`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
      });
    const storedEmail = async (id: string) =>
      (
        (await t.dataSource.query('SELECT email FROM participants WHERE id = $1', [id])) as {
          email: string;
        }[]
      )[0].email;

    it('changes the address only once the new one confirms, and tells the old one', async () => {
      const person = await createParticipant(t, organizer, { name: '鈴木 花子' });
      // Registered for the chamber's 商談会 (written in SQL: no email about it to count below).
      await t.dataSource.query(
        `INSERT INTO registrations (event_id, participant_id, status, registered_at) VALUES ($1, $2, 'REGISTERED', now())`,
        [eventId, person.id],
      );
      const session = await t.participantToken(person.id);
      expect(ok(await t.gql(REQUEST, { email: 'Hanako.Suzuki@example.jp' }, session))).toEqual({
        requestEmailChange: true,
      });

      await sink.waitUntil(
        () => sink.to('hanako.suzuki@example.jp').length === 1,
        30_000,
        'the confirmation',
      );
      const [confirmation] = sink.to('hanako.suzuki@example.jp');
      expect(confirmation.subject).toBe('【Tsunagu】メールアドレス変更のご確認');
      expect(confirmation.text).toContain('鈴木 花子 様');
      expect(confirmation.text).toContain(
        'Tsunagu にご登録のメールアドレスを、このアドレス（hanako.suzuki@example.jp）に変更するお申込みを受け付けました。',
      );
      expect(confirmation.header('list-unsubscribe')).toBeUndefined();
      const [url, token] = linkIn(confirmation.text)!;
      // Nothing has changed yet, and the old address has heard nothing.
      expect(await storedEmail(person.id)).toBe(person.email);
      expect(sink.to(person.email)).toHaveLength(0);

      // The page shows what will change (a mail scanner's fetch changes nothing)…
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(
        '鈴木 花子 様、Tsunagu にご登録のメールアドレスを hanako.suzuki@example.jp に変更します。',
      );
      expect(await storedEmail(person.id)).toBe(person.email);
      // …and the button changes it.
      const done = await press(token);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('今後のご案内は hanako.suzuki@example.jp にお送りします。');
      expect(await storedEmail(person.id)).toBe('hanako.suzuki@example.jp');
      // The session they asked from ends with the old address: they sign in with the new one.
      expect(failure(await t.gql(REQUEST, { email: 'other@example.jp' }, session)).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      const fresh = await t.participantToken(person.id);
      const { participant } = ok(
        await t.gql<{ participant: { profileChanges: { bySelf: boolean; fields: { field: string }[] }[] } }>(
          'query($id: ID!) { participant(id: $id) { profileChanges { bySelf fields { field } } } }',
          { id: person.id },
          organizer,
        ),
      );
      expect(participant.profileChanges[0]).toEqual({ bySelf: true, fields: [{ field: 'email' }] });

      await sink.waitUntil(() => sink.to(person.email).length === 1, 30_000, 'the notice to the old address');
      const notice = sink.to(person.email)[0].text;
      expect(notice).toContain(
        'お申込みにより、Tsunagu にご登録のメールアドレスを ha***@example.jp に変更しました。',
      );
      // If they did not ask for it, the organiser of their event is whom to call.
      expect(notice).toContain(
        'お心当たりのない場合は、葛飾区商工会議所（info@katsushika-cci.example.jp / TEL 03-3662-3191）にお問い合わせください。',
      );
      // What they can download about themselves says where the mail about it went.
      const { exportMyData } = ok(
        await t.gql<{
          exportMyData: {
            emailChangeRequests: { newEmail: string; confirmedAt: string | null }[];
            emails: { template: string; toAddress: string | null }[];
          };
        }>(
          '{ exportMyData { emailChangeRequests { newEmail confirmedAt } emails { template toAddress } } }',
          {},
          fresh,
        ),
      );
      expect(exportMyData.emailChangeRequests).toEqual([
        { newEmail: 'hanako.suzuki@example.jp', confirmedAt: expect.any(String) },
      ]);
      expect(exportMyData.emails).toEqual(
        expect.arrayContaining([
          { template: 'email-change-confirmation', toAddress: 'hanako.suzuki@example.jp' },
          { template: 'email-changed-notice', toAddress: person.email },
        ]),
      );
      // The link works once: pressed again, or opened again, it says the change is made.
      const again = await press(token);
      expect(again.status).toBe(200);
      const againPage = await again.text();
      expect(againPage).toContain('今後のご案内は hanako.suzuki@example.jp にお送りします。');
      expect(againPage).not.toContain('できませんでした');
      const reopened = await (await fetch(`${t.url}/email-change?token=${token}`)).text();
      expect(reopened).toContain('今後のご案内は hanako.suzuki@example.jp にお送りします。');
      expect(reopened).not.toContain('<form');

      const same = failure(await t.gql(REQUEST, { email: 'hanako.suzuki@example.jp' }, fresh));
      expect(same.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EMAIL_CHANGE_SAME_ADDRESS',
        field: 'email',
      });
      expect(failure(await t.gql(REQUEST, { email: 'hanako@' }, fresh)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
      });
    });

    it("says only behind the link that the address is someone else's, in the reader's language", async () => {
      const emma = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
      const other = await createParticipant(t, organizer, { name: '伊藤 誠' });
      const session = await t.participantToken(emma.id);
      // The answer is the same as for a free address: it tells the asker nothing about the pool.
      expect(ok(await t.gql(REQUEST, { email: other.email }, session))).toEqual({ requestEmailChange: true });
      await sink.waitUntil(() => sink.to(other.email).length === 1, 30_000, 'the confirmation');
      const [confirmation] = sink.to(other.email);
      expect(confirmation.subject).toBe('Confirm your new email address for Tsunagu');
      expect(confirmation.text).toContain('Dear Emma Clarke,');
      const [, token] = linkIn(confirmation.text)!;
      const refused = await press(token);
      expect(refused.status).toBe(409);
      const refusal = await refused.text();
      expect(refusal).toContain(
        'This address is already used by another participant&#39;s profile (if both are yours, please contact the event organiser).',
      );
      expect(refusal).toContain('<p>Please ask for the change again.</p>');
      expect(await storedEmail(emma.id)).toBe(emma.email);
      expect(await storedEmail(other.id)).toBe(other.email);
    });

    it('sends at most three confirmations an hour, then says so and when to ask again; the latest request counts', async () => {
      const person = await createParticipant(t, organizer, { name: '小林 健' });
      const session = await t.participantToken(person.id);
      ok(await t.gql(REQUEST, { email: 'ken.kobayashi1@example.jp' }, session));
      await sink.waitUntil(() => sink.to('ken.kobayashi1@example.jp').length === 1, 30_000, 'the first');
      for (let index = 2; index <= 3; index += 1)
        expect(ok(await t.gql(REQUEST, { email: `ken.kobayashi${index}@example.jp` }, session))).toEqual({
          requestEmailChange: true,
        });
      const confirmations: { createdAt: Date }[] = await t.dataSource.query(
        `SELECT created_at AS "createdAt" FROM outbox_messages
          WHERE participant_id = $1 AND template = 'email-change-confirmation' ORDER BY created_at`,
        [person.id],
      );
      expect(confirmations).toHaveLength(3);
      // The fourth and fifth are refused, not answered as if sent: asking again works an hour
      // after the first was sent.
      const againAt = formatTokyoJapanese(new Date(confirmations[0].createdAt.getTime() + 3_600_000));
      for (let index = 4; index <= 5; index += 1) {
        const refused = failure(await t.gql(REQUEST, { email: `ken.kobayashi${index}@example.jp` }, session));
        expect(refused.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'email',
          reason: 'EMAIL_CHANGE_TOO_MANY_REQUESTS',
        });
        expect(refused.message).toBe(
          `この1時間に3回お申込いただいたため、今回は確認のメールをお送りしていません。${againAt}以降に、もう一度お申込ください`,
        );
      }
      await sink.waitUntil(() => sink.to('ken.kobayashi3@example.jp').length === 1, 30_000, 'the third');
      expect(
        await t.dataSource.query(
          `SELECT 1 FROM outbox_messages WHERE participant_id = $1 AND template = 'email-change-confirmation'`,
          [person.id],
        ),
      ).toHaveLength(3);
      expect(sink.to('ken.kobayashi4@example.jp')).toHaveLength(0);
      expect(sink.to('ken.kobayashi5@example.jp')).toHaveLength(0);
      // Only the third request stands: the first one's link no longer changes anything, and says
      // why: the second was asked for.
      const [, first] = linkIn(sink.to('ken.kobayashi1@example.jp')[0].text)!;
      const stale = await press(first);
      expect(stale.status).toBe(400);
      const stalePage = await stale.text();
      // A change to another address was asked for since: no newer email came to this mailbox.
      expect(stalePage).toContain(
        `<p>${formatTokyoJapanese(confirmations[1].createdAt)}に、このアドレスではなく別のアドレスへの変更が申し込まれたため、このリンクは使えなくなりました。</p>`,
      );
      expect(stalePage).toContain(
        '<p>このアドレスに変更したい場合は、お手数ですが、ログインし直して、もう一度お申込ください。</p>',
      );
      expect(stalePage).not.toContain('有効期限');
      // The earlier requests are kept for that, marked as replaced, each when the next was asked for.
      const requests: { newEmail: string; replacedAt: Date | null }[] = await t.dataSource.query(
        `SELECT new_email AS "newEmail", replaced_at AS "replacedAt" FROM email_change_requests
          WHERE participant_id = $1 ORDER BY created_at`,
        [person.id],
      );
      expect(requests).toEqual([
        { newEmail: 'ken.kobayashi1@example.jp', replacedAt: confirmations[1].createdAt },
        { newEmail: 'ken.kobayashi2@example.jp', replacedAt: confirmations[2].createdAt },
        { newEmail: 'ken.kobayashi3@example.jp', replacedAt: null },
      ]);
      const [, latest] = linkIn(sink.to('ken.kobayashi3@example.jp')[0].text)!;
      expect((await press(latest)).status).toBe(200);
      expect(await storedEmail(person.id)).toBe('ken.kobayashi3@example.jp');
    });

    it('can be asked for from the signed-in page, by someone with no app', async () => {
      const person = await createParticipant(t, organizer, { name: '松本 大輔' });
      ok(
        await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: person.email }),
      );
      await sink.waitUntil(() => sink.to(person.email).length === 1, 30_000, 'the sign-in link');
      const signInToken = /\/sign-in\?token=([\w-]+)/.exec(sink.to(person.email)[0].text)![1];
      const signedIn = await (
        await fetch(`${t.url}/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: signInToken }).toString(),
        })
      ).text();
      expect(signedIn).toContain(`現在のアドレス: ${person.email}`);
      expect(signedIn).toContain('<form method="post" action="email-change/request">');
      const session = /name="session" value="([^"]+)"/.exec(signedIn)![1];
      const ask = (fields: Record<string, string>) =>
        fetch(`${t.url}/email-change/request`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });

      const typo = await ask({ session, email: 'daisuke.matsumoto@' });
      expect(typo.status).toBe(400);
      expect(await typo.text()).toContain('メールアドレスの形式が正しくありません');
      const stranger = await ask({ session: 'not-a-session', email: 'daisuke.matsumoto@example.jp' });
      expect(stranger.status).toBe(400);
      expect(await stranger.text()).toContain('もう一度ログインしてください');

      const sent = await ask({ session, email: 'Daisuke.Matsumoto@example.jp' });
      expect(sent.status).toBe(200);
      expect(await sent.text()).toContain(
        'daisuke.matsumoto@example.jp に確認のメールをお送りしました。メール内のボタンを押すと、変更が確定します（24時間以内）。',
      );
      await sink.waitUntil(
        () => sink.to('daisuke.matsumoto@example.jp').length === 1,
        30_000,
        'the confirmation',
      );
      expect(linkIn(sink.to('daisuke.matsumoto@example.jp')[0].text)).not.toBeNull();
    });

    it('says on the signed-in page, in the participant’s language, that they asked too often', async () => {
      const person = await createParticipant(t, organizer, { name: 'Oliver Grant', locale: 'en' });
      const session = await t.participantToken(person.id);
      for (let index = 1; index <= 3; index += 1)
        ok(await t.gql(REQUEST, { email: `oliver.grant${index}@example.com` }, session));
      const refused = await fetch(`${t.url}/email-change/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ja' },
        body: new URLSearchParams({ session, email: 'oliver.grant4@example.com' }).toString(),
      });
      expect(refused.status).toBe(400);
      const page = await refused.text();
      expect(page).toContain('<html lang="en">');
      expect(page).not.toContain('We have sent a confirmation email');
      expect(page).toMatch(
        /<p>You have asked 3 times in the last hour, so no confirmation email was sent this time\. Please ask again after \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(JST\)\.<\/p>/,
      );
    });
  });
});
