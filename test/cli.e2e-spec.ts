import { ok, createTestApp, TestApp } from './support/test-app';
import { runCli, runCliWith } from './support/cli';

/**
 * The admin's command line (`npm run cli -- …`), run as a separate process against a test app's
 * database: the first admin, an organisation and a staff account who can then sign in.
 */
describe('admin command line', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const cli = (...args: string[]) => runCli(t, ...args);
  const login = async (email: string, password: string) =>
    ok(
      await t.gql<{ login: { role: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { role } }',
        { email, password },
      ),
    ).login.role;

  it('creates an organisation and its organiser, who can sign in; lists the organisations', async () => {
    const created = await cli(
      'create-organization',
      '--name',
      '台東区産業振興課',
      '--name-en',
      'Taito City Industrial Promotion Section',
      '--kind',
      'MUNICIPALITY',
      '--municipality',
      '東京都台東区',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = /^id: ([0-9a-f-]{36})$/m.exec(created.stdout)![1];
    const [{ name_en }]: { name_en: string }[] = await t.dataSource.query(
      'SELECT name_en FROM organizations WHERE id = $1',
      [id],
    );
    expect(name_en).toBe('Taito City Industrial Promotion Section');

    const staff = await cli(
      'create-staff-user',
      '--email',
      'Keiei.Shido@taito.example.jp',
      '--name',
      '髙橋 﨑子',
      '--role',
      'ORGANIZER',
      '--organization',
      id,
    );
    expect(staff.code).toBe(0);
    expect(staff.stdout).toContain('ORGANIZER account created: keiei.shido@taito.example.jp');
    const password = /^Password \(shown once\): (\S+)$/m.exec(staff.stdout)![1];
    expect(await login('keiei.shido@taito.example.jp', password)).toBe('ORGANIZER');

    const again = await cli(
      'create-organization',
      '--name',
      '台東区 産業振興課',
      '--kind',
      'MUNICIPALITY',
      '--municipality',
      '東京都台東区',
    );
    expect(again).toMatchObject({
      code: 1,
      stderr: '同じ名前の団体は既に登録されています: 台東区産業振興課\n',
    });

    const listed = await cli('organizations');
    expect(listed.stdout).toContain(`${id}\tMUNICIPALITY\t台東区産業振興課`);
  });

  it('refuses bad input naming the field, and a wrong call with the usage', async () => {
    const badKind = await cli(
      'create-organization',
      '--name',
      '某団体',
      '--kind',
      'CLUB',
      '--municipality',
      '東京都台東区',
    );
    expect(badKind.code).toBe(65);
    expect(badKind.stderr).toMatch(/^kind: /);

    const shortPassword = await cli(
      'create-admin',
      '--email',
      'admin@tsunagu.example.jp',
      '--name',
      '管理 者',
      '--password',
      'short',
    );
    expect(shortPassword).toMatchObject({
      code: 65,
      stderr: 'password: パスワードは12文字以上にしてください\n',
    });

    const usage = await cli('create-staff-user', '--email', 'x@example.jp');
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('npm run cli -- create-staff-user');

    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('npm run cli -- create-organization');
    const unknown = await cli('organizations', '--verbose');
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain("Unknown option '--verbose'");
  });

  it("a wrong call says first what is wrong, then only that command's usage", async () => {
    const noName = await cli('create-admin', '--email', 'x@y.jp');
    expect(noName).toMatchObject({
      code: 64,
      stderr:
        '--name がありません\n\n  npm run cli -- create-admin --email EMAIL --name NAME [--password PASSWORD]\n',
    });
    const misspelt = await cli('create-staf-user');
    expect(misspelt.code).toBe(64);
    expect(misspelt.stderr.split('\n')[0]).toBe(
      '不明なコマンドです: create-staf-user（create-staff-user のことですか？）',
    );
    expect(misspelt.stderr).toContain('npm run cli -- create-staff-user --email EMAIL');
    expect(misspelt.stderr).not.toContain('create-organization');
  });

  it('a wrong variable or database stops it with one line naming it, as the service does', async () => {
    const noSecret = await runCliWith(t, { JWT_SECRET: undefined }, 'organizations');
    expect(noSecret).toMatchObject({
      code: 78,
      stdout: '',
      stderr:
        'Invalid configuration:\n  JWT_SECRET: JWT_SECRET is required: at least 32 random characters (openssl rand -hex 32)\n',
    });

    const url = new URL(t.config.DATABASE_URL);
    url.password = 's3cret';
    url.pathname = '/tsunagu_no_such_database';
    const started = Date.now();
    const noDatabase = await runCliWith(t, { DATABASE_URL: url.toString() }, 'organizations');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toMatch(
      /^npm run cli could not start: PostgreSQL at postgres:\/\/\w+:\*\*\*@[^ ]+\/tsunagu_no_such_database \(DATABASE_URL\): database "tsunagu_no_such_database" does not exist \(3D000\)\n$/,
    );
  });
});
