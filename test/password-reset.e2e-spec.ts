import { Role } from '../src/auth/actor';
import { ALWAYS_TRUE_ANSWER_MS } from '../src/common/time/no-sooner-than';
import { OutboxService } from '../src/mail/outbox.service';
import { PASSWORD_RESET_TEMPLATE } from '../src/password-reset/password-reset.composer';
import { UsersService } from '../src/users/users.service';
import { eventually } from './support/eventually';
import { createOrganization, PASSWORD } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

interface Account {
  id: string;
  email: string;
  name: string;
}

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET =
  'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const NEW_PASSWORD = 'new-password-for-2027';
const FAKE_TOKEN = 'x'.repeat(43);

/**
 * A staff member who forgot their password asks for a link, opens it and sets a new one: the
 * email as it arrives, the page behind the link (GET changes nothing, POST acts), the same through
 * GraphQL, and what must not happen — an email to an unknown or switched-off address, more than a
 * few an hour, a link used twice or after it expired.
 */
describe('staff password reset', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizationId: string;
  let accounts = 0;

  const account = async (name: string): Promise<Account> => {
    accounts += 1;
    const email = `shido${accounts}@katsushika.example.jp`;
    const user = await t.app.get(UsersService).create({
      email,
      name,
      password: PASSWORD,
      role: Role.STAFF,
      organizationId,
    });
    return { id: user.id, email, name };
  };
  /** The login's token, or the reason it was refused. */
  const login = async (email: string, password: string) => {
    const result = await t.gql<{ login: { token: string } }>(LOGIN, { email, password });
    return result.errors ? String(result.errors[0].extensions?.reason) : result.data!.login.token;
  };
  const requestReset = async (email: string) =>
    ok(await t.gql<{ requestPasswordReset: boolean }>(REQUEST, { email })).requestPasswordReset;
  /** Asks for a link and reads it from the email that arrives. */
  const resetLink = async (person: Account) => {
    const before = sink.to(person.email).length;
    expect(await requestReset(person.email)).toBe(true);
    await sink.waitUntil(() => sink.to(person.email).length === before + 1);
    return tokenIn(sink.to(person.email)[before].text);
  };
  const tokenIn = (text: string) => /\/password-reset\?token=([\w-]+)/.exec(text)![1];
  const page = (token: string) => fetch(`${t.url}/password-reset?token=${token}`);
  const post = (fields: Record<string, string>) =>
    fetch(`${t.url}/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const linkUsed = async (person: Account) => {
    const rows: { used_at: Date | null }[] = await t.dataSource.query(
      `SELECT used_at FROM action_tokens WHERE purpose = 'password-reset' AND subject_id = $1`,
      [person.id],
    );
    return rows.map((row) => row.used_at !== null);
  };
  const passwordIs = (person: Account, password: string) =>
    t.app.get(UsersService).passwordMatches(person.id, password);
  const resetRows = async (person: Account) =>
    (
      (await t.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox_messages WHERE user_id = $1 AND template = $2',
        [person.id, PASSWORD_RESET_TEMPLATE],
      )) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: '100',
      LOGIN_MAX_FAILURES: '3',
    });
    const admin = await t.app.get(UsersService).create({
      email: 'admin@tsunagu.example.jp',
      name: '管理 者',
      password: PASSWORD,
      role: Role.ADMIN,
    });
    organizationId = await createOrganization(t, await login(admin.email, PASSWORD), {
      name: '葛飾区商工会議所',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('emails an active staff member a reset link, answering true for any address', async () => {
    const person = await account('髙橋 﨑子');
    // Whichever way it goes, the answer takes no less than the floor: its time tells nothing.
    for (const email of [
      `  ${person.email.toUpperCase()} `,
      'nobody-here@katsushika.example.jp',
      'not an address',
    ]) {
      const started = performance.now();
      expect(await requestReset(email)).toBe(true);
      expect(performance.now() - started).toBeGreaterThanOrEqual(ALWAYS_TRUE_ANSWER_MS);
    }
    await sink.waitUntil(() => sink.to(person.email).length === 1);

    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('【Tsunagu】パスワード再設定のご案内');
    expect(mail.text).toContain('髙橋 﨑子 様');
    const link = new RegExp(`${t.url}/password-reset\\?token=[\\w-]{43}`).exec(mail.text)![0];
    expect(mail.text).toContain(`▶ パスワードを再設定する\n${link}`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain(`■ アカウント（ログインに使うメールアドレス）: ${person.email}`);
    expect(mail.text).toContain('リンクの有効期限は 30 分で、1回のみ使用できます。');
    expect(mail.text).toContain(
      'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されず、これまでどおりお使いいただけます。',
    );
    expect(mail.html).toContain('パスワードは変更されず');
    // Transactional work mail: no unsubscribe.
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    expect(mail.text).not.toContain('配信停止');
    // Written as work mail to the account, and the token stored only as a hash.
    const rows: { participant_id: string | null; transactional: boolean }[] = await t.dataSource.query(
      'SELECT participant_id, transactional FROM outbox_messages WHERE user_id = $1',
      [person.id],
    );
    expect(rows).toEqual([{ participant_id: null, transactional: true }]);
    const [stored]: { token_hash: string; minutes: number }[] = await t.dataSource.query(
      `SELECT token_hash, round(extract(epoch FROM expires_at - now()) / 60)::int AS minutes
         FROM action_tokens WHERE purpose = 'password-reset' AND subject_id = $1`,
      [person.id],
    );
    expect(stored.token_hash).not.toBe(tokenIn(mail.text));
    expect(stored.minutes).toBeGreaterThanOrEqual(29);
    expect(stored.minutes).toBeLessThanOrEqual(30);
  });

  it('shows the form on GET and changes nothing; a mismatch or a short password keeps the link; the good one sets it', async () => {
    const person = await account('岡﨑 <i>次郎</i> & "Co"');
    const session = await login(person.email, PASSWORD);
    // Three wrong guesses by someone else: login with the address is paused.
    for (let i = 0; i < 3; i += 1) await login(person.email, 'somebody guessing');
    expect(await login(person.email, PASSWORD)).toBe('AUTH_TOO_MANY_FAILURES');
    const token = await resetLink(person);

    for (let i = 0; i < 2; i += 1) {
      const shown = await page(token);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('cache-control')).toBe('no-store');
      const html = await shown.text();
      expect(html).toContain('<title>パスワードの再設定</title>');
      // Escaped wherever it is shown.
      expect(html).toContain(
        '岡﨑 &lt;i&gt;次郎&lt;/i&gt; &amp; &quot;Co&quot; 様、新しいパスワードを2回入力してください。',
      );
      expect(html).not.toContain('<i>');
      expect(html).toContain(`<input type="hidden" name="token" value="${token}">`);
      expect(html).toContain('<input type="password" name="password" autocomplete="new-password"');
      expect(html).toContain('<input type="password" name="confirmation" autocomplete="new-password"');
      expect(html).toContain('<button type="submit">パスワードを変更する</button>');
    }
    expect(await linkUsed(person)).toEqual([false]);
    expect(await passwordIs(person, PASSWORD)).toBe(true);

    // The second entry differs: the form again, saying why; nothing used up or changed.
    const mismatch = await post({ token, password: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}!` });
    expect(mismatch.status).toBe(200);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain('確認のために入力したパスワードが一致しません。もう一度入力してください');
    expect(mismatchHtml).toContain(`<input type="hidden" name="token" value="${token}">`);
    // Too short, twice alike: the rule of createStaffUser.
    const short = await (await post({ token, password: 'short-pw', confirmation: 'short-pw' })).text();
    expect(short).toContain('パスワードは12文字以上にしてください');
    expect(short).toContain('<input type="password" name="password"');
    // Fields left out read as empty.
    expect(await (await post({ token })).text()).toContain('パスワードは12文字以上にしてください');
    expect(await linkUsed(person)).toEqual([false]);
    expect(await passwordIs(person, PASSWORD)).toBe(true);
    expect(ok(await t.gql<{ me: { role: string } }>('{ me { role } }', {}, session)).me.role).toBe('STAFF');

    const done = await post({ token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('パスワードを変更しました。新しいパスワードでログインしてください');
    expect(await linkUsed(person)).toEqual([true]);
    // The session open before has ended.
    expect(failure(await t.gql('{ me { role } }', {}, session)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
    // The pause is lifted: the new password logs in at once, and the old one is refused as wrong.
    const fresh = await login(person.email, NEW_PASSWORD);
    expect(ok(await t.gql<{ me: { role: string } }>('{ me { role } }', {}, fresh)).me.role).toBe('STAFF');
    expect(await login(person.email, PASSWORD)).toBe('AUTH_INVALID_CREDENTIALS');

    // The link works once: both the page and the form say so now.
    for (const second of [
      await post({ token, password: 'another-password-2027', confirmation: 'another-password-2027' }),
      await page(token),
    ]) {
      expect(second.status).toBe(400);
      const html = await second.text();
      expect(html).toContain('<title>パスワードを再設定できませんでした</title>');
      expect(html).toContain('このリンクはすでに使用されています');
      expect(html).toContain('お手数ですが、パスワードの再設定をもう一度お申込ください。');
    }
    expect(await passwordIs(person, NEW_PASSWORD)).toBe(true);
  });

  it('resets through GraphQL, refusing with errors that name token or newPassword', async () => {
    const person = await account('青戸 一郎');
    const token = await resetLink(person);
    const refusal = async (variables: Record<string, string>) =>
      failure(await t.gql(RESET, variables)).extensions;

    expect(await refusal({ token, password: 'short' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    expect(await refusal({ token: FAKE_TOKEN, password: NEW_PASSWORD })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
      reason: 'ACTION_TOKEN_INVALID',
    });
    expect(await linkUsed(person)).toEqual([false]);

    expect(ok(await t.gql<{ resetPassword: boolean }>(RESET, { token, password: NEW_PASSWORD }))).toEqual({
      resetPassword: true,
    });
    expect(await login(person.email, PASSWORD)).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await login(person.email, NEW_PASSWORD)).toMatch(/^ey/);
    expect(await refusal({ token, password: 'yet-another-password' })).toMatchObject({
      field: 'token',
      reason: 'ACTION_TOKEN_USED',
    });
  });

  it('retires a link once the password has changed after it was sent', async () => {
    const person = await account('金町 花子');
    const older = await resetLink(person);
    const newer = await resetLink(person);
    expect(ok(await t.gql(RESET, { token: newer, password: NEW_PASSWORD }))).toEqual({ resetPassword: true });
    expect(
      failure(await t.gql(RESET, { token: older, password: 'taken-over-password' })).extensions,
    ).toMatchObject({
      field: 'token',
      reason: 'PASSWORD_RESET_SUPERSEDED',
    });
    expect(await (await page(older)).text()).toContain('このリンクを送った後にパスワードが変更されたため');
    expect(await passwordIs(person, NEW_PASSWORD)).toBe(true);
  });

  it('sends nothing for an unknown or switched-off address, and a link stops working when its account is switched off', async () => {
    const leaving = await account('柴又 退職');
    const token = await resetLink(leaving);
    await t.app.get(UsersService).deactivate(null, leaving.id);
    const refused = await page(token);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      'このアカウントは利用停止されているため、パスワードを再設定できません',
    );
    expect(failure(await t.gql(RESET, { token, password: NEW_PASSWORD })).extensions).toMatchObject({
      field: 'token',
      reason: 'PASSWORD_RESET_ACCOUNT_DEACTIVATED',
    });

    const before = sink.messages.length;
    expect(await requestReset(leaving.email)).toBe(true);
    expect(await requestReset('left-long-ago@katsushika.example.jp')).toBe(true);
    // Nothing was written, so nothing can arrive later; an email asked for after them arrives alone.
    expect(await resetRows(leaving)).toBe(1);
    const active = await account('新小岩 在籍');
    await resetLink(active);
    expect(sink.messages.slice(before).map((message) => message.to)).toEqual([[active.email]]);
  });

  it('sends at most three reset emails an hour per address, also when asked many times at once', async () => {
    const person = await account('亀有 三郎');
    for (let i = 0; i < 5; i += 1) expect(await requestReset(person.email)).toBe(true);
    expect(await resetRows(person)).toBe(3);
    await sink.waitUntil(() => sink.to(person.email).length === 3);

    // Asked six times at once. Each request is held where it writes its email, so that had they
    // not been counted one after the other, all six would have counted none written and written.
    const hurried = await account('立石 四郎');
    const hold = t.dataSource.createQueryRunner();
    await hold.connect();
    let answers: Promise<boolean[]>;
    try {
      await hold.startTransaction();
      await hold.query('LOCK TABLE outbox_messages IN SHARE ROW EXCLUSIVE MODE');
      answers = Promise.all(Array.from({ length: 6 }, () => requestReset(hurried.email)));
      await eventually(async () => {
        const [{ waiting }]: { waiting: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query NOT LIKE 'UPDATE%'`,
        );
        return waiting >= 6;
      }, 'six requests waiting');
    } finally {
      if (hold.isTransactionActive) await hold.commitTransaction();
      await hold.release();
    }
    expect((await answers).every(Boolean)).toBe(true);
    expect(await resetRows(hurried)).toBe(3);
    await sink.waitUntil(() => sink.to(hurried.email).length === 3);

    // An hour later the count starts again.
    await t.dataSource.query(
      `UPDATE outbox_messages SET created_at = created_at - interval '61 minutes' WHERE user_id = $1`,
      [person.id],
    );
    expect(await requestReset(person.email)).toBe(true);
    expect(await resetRows(person)).toBe(4);
  });

  it('refuses an expired link, and does not send one whose time ran out before it went', async () => {
    const person = await account('堀切 五郎');
    const token = await resetLink(person);
    await t.dataSource.query(
      `UPDATE action_tokens SET expires_at = now() - interval '1 second' WHERE subject_id = $1`,
      [person.id],
    );
    for (const expired of [
      await page(token),
      await post({ token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    ]) {
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain('このリンクは有効期限が切れています');
    }
    expect(failure(await t.gql(RESET, { token, password: NEW_PASSWORD })).extensions).toMatchObject({
      field: 'token',
      reason: 'ACTION_TOKEN_EXPIRED',
    });
    expect(await passwordIs(person, PASSWORD)).toBe(true);

    // An email the queue reaches after the link's time (asked for 31 minutes ago) is not sent.
    await t.dataSource.transaction((manager) =>
      t.app.get(OutboxService).enqueue(manager, [
        {
          key: `password-reset-late-${person.id}`,
          template: PASSWORD_RESET_TEMPLATE,
          userId: person.id,
          transactional: true,
          params: { requestedAt: String(Date.now() - 31 * 60_000) },
        },
      ]),
    );
    await eventually(async () => {
      const [row]: { status: string; skip_reason: string | null }[] = await t.dataSource.query(
        'SELECT status, skip_reason FROM outbox_messages WHERE key = $1',
        [`password-reset-late-${person.id}`],
      );
      return row.status === 'SKIPPED' && row.skip_reason === 'NOTHING_TO_SEND';
    }, 'the late email skipped');
    expect(sink.to(person.email)).toHaveLength(1);
  });

  it('shows the error page of every link for a made-up one', async () => {
    for (const response of [await page(FAKE_TOKEN), await page(''), await post({ token: FAKE_TOKEN })]) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<title>パスワードを再設定できませんでした</title>');
      expect(html).toContain('このリンクは無効です。メールのリンクをもう一度ご確認ください');
    }
  });
});
