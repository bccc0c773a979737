import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { formatDeadline } from '../src/mail/templates/mail-dates';
import { UsersService } from '../src/users/users.service';
import { fetchCsv } from './support/csv-export';
import { createOrganization, PASSWORD } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

interface Account {
  id: string;
  email: string;
  token: string;
}

interface Updated {
  id: string;
  name: string;
  email: string;
  pendingEmail: string | null;
}

const UPDATE = `mutation($id: ID!, $input: UpdateStaffUserInput!) {
  updateStaffUser(id: $id, input: $input) { id name email pendingEmail }
}`;
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const ME = '{ me { role user { email pendingEmail } } }';
/** What a participant reads under a refusal of their link: a staff member cannot ask again themself. */
const PARTICIPANTS_LINE = /もう一度お申込|お申込ください|Please ask for the change again/;
/** Whom a 支援担当 asks for the change: only those who manage the account may make it. */
const ASK_ORGANIZER =
  'お手数ですが、所属団体の主催者または Tsunagu の管理者に、もう一度変更を依頼してください。';

/**
 * A staff member's login address changes only when the new address confirms, from a link sent to
 * it: a typo can no longer lock the person out, and an organizer learns nothing about which
 * addresses are logins at other organisations (that is said only on the page behind the link, to
 * whoever reads the new address's mail).
 */
describe("changing a staff member's login address", () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Account;
  let organizer: Account;
  let shido: Account;
  let colleague: Account;
  let okayaOrganizer: Account;

  const login = (email: string) => t.gql<{ login: { token: string } }>(LOGIN, { email, password: PASSWORD });
  const account = async (
    role: Role.ADMIN | Role.ORGANIZER | Role.STAFF,
    organizationId: string | null,
    name: string,
    email: string,
  ): Promise<Account> => {
    const user = await t.app.get(UsersService).create({
      email,
      name,
      password: PASSWORD,
      role,
      organizationId: organizationId ?? undefined,
    });
    return { id: user.id, email, token: ok(await login(email)).login.token };
  };
  const update = async (token: string, id: string, input: Record<string, unknown>) =>
    ok(await t.gql<{ updateStaffUser: Updated }>(UPDATE, { id, input }, token)).updateStaffUser;
  const linkIn = (text: string) => new RegExp(`${t.url}/email-change\\?token=([\\w-]+)`).exec(text);
  const press = (token: string) =>
    fetch(`${t.url}/email-change`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
  /** 氏名,メールアドレス,変更確認中のメールアドレス of the account's row in the staff list Excel opens. */
  const csvRow = async (token: string, id: string) => {
    const { bom, lines } = await fetchCsv(t, '/exports/staff-users.csv', token);
    expect(bom).toBe(true);
    expect(lines[0]).toMatch(/^氏名,メールアドレス,変更確認中のメールアドレス,役割,/);
    return lines
      .find((line) => line.endsWith(`,${id}`))!
      .split(',')
      .slice(0, 3);
  };
  const storedEmail = async (id: string): Promise<string> =>
    ((await t.dataSource.query('SELECT email FROM users WHERE id = $1', [id])) as { email: string }[])[0]
      .email;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '200' });
    admin = await account(Role.ADMIN, null, '管理 者', 'admin@tsunagu.example.jp');
    const katsushika = await createOrganization(t, admin.token, { name: '葛飾区商工会議所' });
    const okaya = await createOrganization(t, admin.token, {
      name: '岡谷商工会議所',
      municipality: '長野県岡谷市',
    });
    organizer = await account(Role.ORGANIZER, katsushika, '青戸 主催', 'organizer@katsushika.example.jp');
    shido = await account(Role.STAFF, katsushika, '髙橋 﨑子', 'shido@katsushika.example.jp');
    colleague = await account(Role.STAFF, katsushika, '金町 同僚', 'colleague@katsushika.example.jp');
    okayaOrganizer = await account(Role.ORGANIZER, okaya, '岡谷 主催', 'organizer@okaya.example.jp');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('changes the login once the new address confirms from its link, and tells the old one', async () => {
    const session = ok(await login(shido.email)).login.token;
    const answer = await update(organizer.token, shido.id, {
      name: '髙橋 﨑子（旧姓 山﨑）',
      email: 'Takahashi@Katsushika.example.jp',
    });
    // The name changes at once; the address waits for the new one to confirm.
    expect(answer).toEqual({
      id: shido.id,
      name: '髙橋 﨑子（旧姓 山﨑）',
      email: shido.email,
      pendingEmail: 'takahashi@katsushika.example.jp',
    });
    ok(await login(shido.email));
    expect(failure(await login('takahashi@katsushika.example.jp')).extensions?.reason).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    // So does the list staff download, as the GraphQL list does.
    expect(await csvRow(organizer.token, shido.id)).toEqual([
      '髙橋 﨑子（旧姓 山﨑）',
      shido.email,
      'takahashi@katsushika.example.jp',
    ]);
    // The person sees it too.
    expect(ok(await t.gql<{ me: unknown }>(ME, {}, session)).me).toEqual({
      role: 'STAFF',
      user: { email: shido.email, pendingEmail: 'takahashi@katsushika.example.jp' },
    });

    await sink.waitUntil(
      () => sink.to('takahashi@katsushika.example.jp').length === 1,
      30_000,
      'the confirmation',
    );
    const [confirmation] = sink.to('takahashi@katsushika.example.jp');
    expect(confirmation.subject).toBe('【Tsunagu】メールアドレス変更のご確認');
    expect(confirmation.text).toContain('髙橋 﨑子（旧姓 山﨑） 様');
    expect(confirmation.text).toContain(
      '葛飾区商工会議所の青戸 主催様から、Tsunagu のログイン用メールアドレスを、このアドレス（takahashi@katsushika.example.jp）に変更する依頼がありました。',
    );
    expect(confirmation.header('list-unsubscribe')).toBeUndefined();
    const [url, token] = linkIn(confirmation.text)!;

    // The page shows what will change (a mail scanner's fetch changes nothing)…
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      '髙橋 﨑子（旧姓 山﨑） 様、Tsunagu のログイン用メールアドレスを takahashi@katsushika.example.jp に変更します。',
    );
    expect(await storedEmail(shido.id)).toBe(shido.email);
    // …and the button changes it.
    const done = await press(token);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(
      'ログイン用メールアドレスを takahashi@katsushika.example.jp に変更しました。今後はこのアドレスと、これまでのパスワードでログインしてください。',
    );
    expect(await storedEmail(shido.id)).toBe('takahashi@katsushika.example.jp');
    expect(failure(await login(shido.email)).extensions?.reason).toBe('AUTH_INVALID_CREDENTIALS');
    ok(await login('takahashi@katsushika.example.jp'));
    expect(await csvRow(session, shido.id)).toEqual([
      '髙橋 﨑子（旧姓 山﨑）',
      'takahashi@katsushika.example.jp',
      '',
    ]);
    // The session goes on.
    expect(ok(await t.gql<{ me: unknown }>(ME, {}, session)).me).toEqual({
      role: 'STAFF',
      user: { email: 'takahashi@katsushika.example.jp', pendingEmail: null },
    });

    await sink.waitUntil(() => sink.to(shido.email).length === 1, 30_000, 'the notice to the old address');
    const [notice] = sink.to(shido.email);
    expect(notice.subject).toBe('【Tsunagu】メールアドレス変更のお知らせ');
    expect(notice.text).toContain(
      '葛飾区商工会議所の青戸 主催様の依頼により、Tsunagu のログイン用メールアドレスを ta***@katsushika.example.jp に変更しました（新しいアドレスで確認済みです）。',
    );
    expect(notice.text).toContain(
      'お心当たりのない場合は、葛飾区商工会議所の青戸 主催様にお問い合わせください。',
    );

    // Pressed again, or opened again, the link says the change is made.
    const again = await press(token);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('takahashi@katsushika.example.jp に変更しました。');
    shido.email = 'takahashi@katsushika.example.jp';
  });

  it("answers an organizer the same for another organisation's login as for a free address; only the page behind the link says it is taken", async () => {
    const free = await update(organizer.token, colleague.id, { email: 'kanamachi@katsushika.example.jp' });
    await sink.waitUntil(() => sink.to('kanamachi@katsushika.example.jp').length === 1, 30_000, 'the first');
    const taken = await update(organizer.token, colleague.id, { email: 'ORGANIZER@okaya.example.jp' });
    expect(free).toEqual({
      id: colleague.id,
      name: '金町 同僚',
      email: colleague.email,
      pendingEmail: 'kanamachi@katsushika.example.jp',
    });
    expect(taken).toEqual({ ...free, pendingEmail: 'organizer@okaya.example.jp' });

    await sink.waitUntil(
      () => sink.to(okayaOrganizer.email).length === 1,
      30_000,
      'the confirmation to the address asked for',
    );
    const [, token] = linkIn(sink.to(okayaOrganizer.email)[0].text)!;
    const refused = await press(token);
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    expect(refusal).toContain(
      '<p>このメールアドレスは、別のスタッフアカウントのログインに使われています。</p>',
    );
    // What they can do: not ask again themself, as a participant would, but ask whoever manages the account.
    expect(refusal).toContain(`<p>${ASK_ORGANIZER}</p>`);
    expect(refusal).not.toMatch(PARTICIPANTS_LINE);
    expect(await storedEmail(colleague.id)).toBe(colleague.email);
    expect(await storedEmail(okayaOrganizer.id)).toBe(okayaOrganizer.email);

    // Only the latest request stands: the free address's link no longer changes anything. Its
    // page says why, in Japanese whatever the browser, and whom to ask should the newer email
    // not have arrived (not the participant's 「もう一度お申込ください」).
    const english = { 'accept-language': 'en-US,en;q=0.9' };
    /** When the request for this address was made (its confirmation queued). */
    const askedAt = async (address: string) =>
      (
        (await t.dataSource.query(
          `SELECT created_at AS at FROM outbox_messages WHERE user_id = $1 AND to_address = $2`,
          [colleague.id, address],
        )) as { at: Date }[]
      )[0].at;
    /** The page says `message`, or one of `message`s (a time that may be either of two minutes). */
    const expectEndedPage = async (response: Response, message: string | string[], askAgain: string) => {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="ja">');
      const said = [message].flat().find((each) => html.includes(`<p>${each}</p>`));
      expect(html).toContain(`<p>${said ?? [message].flat()[0]}</p>`);
      expect(html).toContain(`<p>${askAgain}</p>`);
      expect(html).not.toMatch(PARTICIPANTS_LINE);
      expect(html).not.toContain('有効期限');
    };
    const [firstUrl, first] = linkIn(sink.to('kanamachi@katsushika.example.jp')[0].text)!;
    // Replaced when the second was asked for.
    const replacedAt = await askedAt('organizer@okaya.example.jp');
    // The newer email went to another address: it does not say to use its button.
    const replaced = `${formatDeadline('ja', replacedAt)}に、このアドレスではなく別のアドレスへの変更が申し込まれたため、このリンクは使えなくなりました。`;
    const ifStillWanted =
      '変更が必要な場合は、所属団体の主催者または Tsunagu の管理者に、もう一度依頼してください。';
    await expectEndedPage(await fetch(firstUrl, { headers: english }), replaced, ifStillWanted);
    await expectEndedPage(await press(first), replaced, ifStillWanted);
    expect(await storedEmail(colleague.id)).toBe(colleague.email);

    // The current address again calls the change off: nothing is waiting any more, and the
    // link of the change called off says so.
    const before = new Date();
    expect(await update(organizer.token, colleague.id, { email: colleague.email })).toEqual({
      ...free,
      pendingEmail: null,
    });
    expect(await csvRow(organizer.token, colleague.id)).toEqual(['金町 同僚', colleague.email, '']);
    // Called off as the update was made: the minute it started in, or the next.
    const calledOff = [before, new Date()].map(
      (at) =>
        `このメールアドレスの変更は${formatDeadline('ja', at)}に取り消されたため、このリンクは使えなくなりました。`,
    );
    const ifStillNeeded =
      '変更が必要な場合は、所属団体の主催者または Tsunagu の管理者に、もう一度依頼してください。';
    await expectEndedPage(
      await fetch(`${t.url}/email-change?token=${token}`, { headers: english }),
      calledOff,
      ifStillNeeded,
    );
    await expectEndedPage(await press(token), calledOff, ifStillNeeded);
    // The link the later request replaced ended as that request did: called off.
    await expectEndedPage(await fetch(firstUrl, { headers: english }), calledOff, ifStillNeeded);
    expect(await storedEmail(colleague.id)).toBe(colleague.email);
  });

  it('is the same for an admin; refused for oneself, for those one does not manage, and for a switched-off account', async () => {
    const answer = await update(admin.token, okayaOrganizer.id, { email: 'okaya.shucho@okaya.example.jp' });
    expect(answer).toMatchObject({
      email: okayaOrganizer.email,
      pendingEmail: 'okaya.shucho@okaya.example.jp',
    });
    expect(
      failure(await t.gql(UPDATE, { id: organizer.id, input: { email: 'mine@example.jp' } }, organizer.token))
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'USER_CHANGE_OWN_EMAIL', field: 'email' });
    expect(
      failure(
        await t.gql(UPDATE, { id: shido.id, input: { email: 'elsewhere@example.jp' } }, okayaOrganizer.token),
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' });

    // Its mail is no longer sent, so the confirmation would never arrive.
    ok(
      await t.gql(
        'mutation($id: ID!) { deactivateStaffUser(id: $id) { id } }',
        { id: colleague.id },
        organizer.token,
      ),
    );
    expect(
      failure(
        await t.gql(
          UPDATE,
          { id: colleague.id, input: { email: 'back@katsushika.example.jp' } },
          organizer.token,
        ),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMAIL_CHANGE_ACCOUNT_DEACTIVATED', field: 'id' });
    expect(await update(organizer.token, colleague.id, { name: '金町 同僚（退職）' })).toMatchObject({
      name: '金町 同僚（退職）',
      pendingEmail: null,
    });
  });
  it("says behind a replaced link that the address is the login already, once the newer link made the change, in staff's words", async () => {
    const shibamata = await account(Role.ADMIN, null, '柴又 管理', 'shibamata@tsunagu.example.jp');
    const address = 'shibamata.k@tsunagu.example.jp';
    const confirmations = async (count: number) => {
      await sink.waitUntil(() => sink.to(address).length === count, 30_000, `confirmation ${count}`);
      return linkIn(sink.to(address)[count - 1].text)!;
    };
    // The admin asks twice for the same address (the first email seemed slow to come): the second
    // replaces the first, and its link makes the change.
    await update(admin.token, shibamata.id, { email: address });
    const [firstUrl, first] = await confirmations(1);
    await update(admin.token, shibamata.id, { email: address });
    const [, second] = await confirmations(2);
    expect((await press(second)).status).toBe(200);
    expect(await storedEmail(shibamata.id)).toBe(address);

    // The first link, opened or pressed later, says there is nothing left to do, in the words of a
    // login address (Japanese, as a staff account's pages are), not a participant's ご登録.
    for (const response of [
      await fetch(firstUrl, { headers: { 'accept-language': 'en-US,en;q=0.9' } }),
      await press(first),
    ]) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="ja">');
      expect(html).toContain(
        '<p>このメールアドレスは、すでに Tsunagu のログイン用メールアドレスです。変更の必要はありません。ログインには、このアドレスをお使いください。</p>',
      );
      expect(html).not.toContain('ご登録');
      expect(html).not.toContain('もう一度');
      expect(html).not.toMatch(PARTICIPANTS_LINE);
    }
  });

  it('says on every refusal of the link, in Japanese whatever the browser, whom to ask for the change again', async () => {
    const english = { 'accept-language': 'en-US,en;q=0.9' };
    const tokens = t.app.get(ActionTokensService);
    const tokenOf = async (raw: string) =>
      (await tokens.find(t.dataSource.manager, TokenPurpose.EMAIL_CHANGE, raw))!;
    const confirmationTo = async (address: string) => {
      await sink.waitUntil(() => sink.to(address).length === 1, 30_000, `the confirmation to ${address}`);
      return linkIn(sink.to(address)[0].text)!;
    };
    const expectRefusal = async (response: Response, status: number, message: string, askAgain: string) => {
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toContain('<html lang="ja">');
      expect(html).toContain(`<p>${message}</p>`);
      expect(html).toContain(`<p>${askAgain}</p>`);
      expect(html).not.toMatch(PARTICIPANTS_LINE);
    };
    const pressIn = (token: string, headers: Record<string, string>) =>
      fetch(`${t.url}/email-change`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ token }).toString(),
      });

    // An organizer's link (asked for by the admin above), expired: another 主催者 or an admin asks again.
    const [expiredUrl, expired] = await confirmationTo('okaya.shucho@okaya.example.jp');
    await t.dataSource.query(
      `UPDATE action_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [(await tokenOf(expired)).id],
    );
    const askOtherOrganizer =
      'お手数ですが、所属団体のほかの主催者または Tsunagu の管理者に、もう一度変更を依頼してください。';
    for (const response of [await fetch(expiredUrl, { headers: english }), await pressIn(expired, english)])
      await expectRefusal(response, 400, 'このリンクは有効期限が切れています。', askOtherOrganizer);

    // An admin's link, used without the change being made: only another admin can ask again.
    const deputy = await account(Role.ADMIN, null, '副 管理者', 'deputy@tsunagu.example.jp');
    await update(deputy.token, admin.id, { email: 'kanri@tsunagu.example.jp' });
    const [usedUrl, used] = await confirmationTo('kanri@tsunagu.example.jp');
    await tokens.markUsed(t.dataSource.manager, await tokenOf(used));
    await expectRefusal(
      await fetch(usedUrl, { headers: english }),
      400,
      'このリンクはすでに使用されています。',
      'お手数ですが、Tsunagu のほかの管理者に、もう一度変更を依頼してください。',
    );

    // A 支援担当's link while the account is switched off, then once it is on again.
    await update(organizer.token, shido.id, { email: 'takahashi.s@katsushika.example.jp' });
    const [url, token] = await confirmationTo('takahashi.s@katsushika.example.jp');
    const switchOff = 'mutation($id: ID!) { deactivateStaffUser(id: $id) { id } }';
    ok(await t.gql(switchOff, { id: shido.id }, organizer.token));
    // One instruction: this link works again once the account is on; asking again only if it expired.
    const switchedOff = 'このアカウントは利用停止中のため、今はログイン用メールアドレスを変更できません。';
    const onceOn =
      '利用が再開されたら、このリンクをもう一度開いて変更してください。リンクの有効期限が切れていた場合は、所属団体の主催者または Tsunagu の管理者に、もう一度変更を依頼してください。';
    for (const response of [await fetch(url, { headers: english }), await pressIn(token, english)])
      await expectRefusal(response, 400, switchedOff, onceOn);
    const switchOn = 'mutation($id: ID!) { reactivateStaffUser(id: $id) { id } }';
    ok(await t.gql(switchOn, { id: shido.id }, organizer.token));
    const done = await pressIn(token, english);
    expect(done.status).toBe(200);
    const donePage = await done.text();
    expect(donePage).toContain('<html lang="ja">');
    expect(donePage).toContain(
      '<p>ログイン用メールアドレスを takahashi.s@katsushika.example.jp に変更しました。今後はこのアドレスと、これまでのパスワードでログインしてください。</p>',
    );
    expect(donePage).not.toMatch(PARTICIPANTS_LINE);
    expect(donePage).not.toContain('できませんでした');
  });
});
