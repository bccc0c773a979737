import { Role } from '../src/auth/actor';
import { createOrganization, createParticipant, PASSWORD, staffSession } from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

describe('auth and roles', () => {
  let t: TestApp;
  let admin: string;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_PAUSE_MINUTES: '15' });
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '葛飾区商工会議所', municipality: '東京都葛飾区' });
  });
  afterAll(() => t.close());

  it('logs a staff member in and answers me with their organisation', async () => {
    const organizer = await staffSession(t, Role.ORGANIZER, orgId, 'tanaka@katsushika-cci.example.jp');
    const me = ok(
      await t.gql<{ me: { role: string; user: { email: string }; organization: { name: string } } }>(
        '{ me { role user { email } organization { name } } }',
        {},
        organizer,
      ),
    );
    expect(me.me).toEqual({
      role: 'ORGANIZER',
      user: { email: 'tanaka@katsushika-cci.example.jp' },
      organization: { name: '葛飾区商工会議所' },
    });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const error = failure(
      await t.gql('mutation { login(email: "nobody@example.jp", password: "x") { token } }'),
    );
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('メールアドレスまたはパスワードが違います');
  });

  it('pauses login for an address after three wrong passwords in a row, whether it has an account or not', async () => {
    const login = async (email: string, password: string) => {
      const result = await t.gql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      return result.errors
        ? String(result.errors[0].extensions?.reason ?? result.errors[0].extensions?.code)
        : 'OK';
    };
    const account = 'sato@katsushika-cci.example.jp';
    await staffSession(t, Role.STAFF, orgId, account);
    const codes = async (email: string, password: string, times: number) => {
      const answers: string[] = [];
      for (let i = 0; i < times; i += 1) answers.push(await login(email, password));
      return answers;
    };

    // A success starts the count again.
    expect(await codes(account, 'wrong', 2)).toEqual(Array(2).fill('AUTH_INVALID_CREDENTIALS'));
    expect(await login(account, PASSWORD)).toBe('OK');
    expect(await codes(account, 'wrong', 3)).toEqual(Array(3).fill('AUTH_INVALID_CREDENTIALS'));
    // The fourth try is refused without its password being looked at, even the right one.
    const paused = failure(
      await t.gql('mutation($email: String!) { login(email: $email, password: "x") { token } }', {
        email: account.toUpperCase(),
      }),
    );
    expect(paused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'AUTH_TOO_MANY_FAILURES' });
    expect(paused.message).toBe(
      'パスワードの誤りが続いたため、このメールアドレスでのログインを一時停止しています。15分ほどしてからお試しください',
    );
    expect(await login(account, PASSWORD)).toBe('AUTH_TOO_MANY_FAILURES');
    // An address without an account answers the same way: the pause tells nobody who exists.
    expect(await codes('nobody-here@example.jp', 'wrong', 4)).toEqual([
      ...Array(3).fill('AUTH_INVALID_CREDENTIALS'),
      'AUTH_TOO_MANY_FAILURES',
    ]);
    // Guesses sent all at once get no more tries than patient ones.
    const burst = await Promise.all(Array.from({ length: 10 }, () => login('burst@example.jp', 'wrong')));
    expect(burst.filter((code) => code === 'AUTH_INVALID_CREDENTIALS')).toHaveLength(3);
    expect(burst.filter((code) => code === 'AUTH_TOO_MANY_FAILURES')).toHaveLength(7);
    // The table holds no address in clear.
    const rows: { address_hash: string }[] = await t.dataSource.query(
      'SELECT address_hash FROM login_failures',
    );
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.address_hash))).toBe(true);

    // Fifteen minutes after the last wrong one, the right password works again.
    await t.dataSource.query(
      `UPDATE login_failures SET last_failure_at = last_failure_at - interval '15 minutes 1 second'`,
    );
    expect(await login(account, PASSWORD)).toBe('OK');
    expect(await login('nobody-here@example.jp', 'wrong')).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('lets only admins create organisations and staff accounts', async () => {
    const organizer = await staffSession(t, Role.ORGANIZER, orgId);
    const participant = await createParticipant(t, organizer);
    const participantToken = await t.participantToken(participant.id);
    const create =
      'mutation { createOrganization(input: { name: "大田区産業振興課", kind: MUNICIPALITY, municipality: "東京都大田区" }) { id } }';
    expect(failure(await t.gql(create, {}, organizer)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(create, {}, participantToken)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(create)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(create, {}, admin))).toBeTruthy();

    const createStaff = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id role organizationId } }`;
    const input = {
      email: 'suzuki@ota.example.jp',
      name: '鈴木 一郎',
      password: 'a-long-enough-password',
      role: 'STAFF',
      organizationId: orgId,
    };
    expect(failure(await t.gql(createStaff, { input }, organizer)).extensions?.code).toBe('FORBIDDEN');
    const created = ok(
      await t.gql<{ createStaffUser: { role: string; organizationId: string } }>(
        createStaff,
        { input },
        admin,
      ),
    );
    expect(created.createStaffUser).toMatchObject({ role: 'STAFF', organizationId: orgId });
    const again = failure(await t.gql(createStaff, { input }, admin));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('rejects an organisation with an invalid 法人番号 naming the field', async () => {
    const error = failure(
      await t.gql(
        'mutation { createOrganization(input: { name: "青梅商工会議所", kind: CHAMBER_OF_COMMERCE, municipality: "東京都青梅市", corporateNumber: "4013105001132" }) { id } }',
        {},
        admin,
      ),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'corporateNumber' });
    const valid = ok(
      await t.gql<{ createOrganization: { corporateNumber: string } }>(
        'mutation { createOrganization(input: { name: "青梅商工会議所", kind: CHAMBER_OF_COMMERCE, municipality: "東京都青梅市", corporateNumber: "3013105001132" }) { corporateNumber } }',
        {},
        admin,
      ),
    );
    expect(valid.createOrganization.corporateNumber).toBe('3013105001132');

    // The same name again, with other spacing and full-width letters, is the same organisation.
    const twice = failure(
      await t.gql(
        'mutation { createOrganization(input: { name: "　青梅 商工会議所 ", kind: CHAMBER_OF_COMMERCE, municipality: "東京都青梅市" }) { id } }',
        {},
        admin,
      ),
    );
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(twice.message).toBe('同じ名前の団体は既に登録されています: 青梅商工会議所');
  });

  it('rejects an expired or forged token', async () => {
    const error = failure(await t.gql('{ me { role } }', {}, 'not-a-token'));
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
