import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { JWT_SECRET: 'x'.repeat(32) };

  it('reads the usual ways of writing a switch', () => {
    for (const [written, read] of [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['on', true],
      ['false', false],
      ['0', false],
      [' no ', false],
      ['off', false],
    ] as const) {
      expect(loadConfig({ ...base, WORKER_IN_PROCESS: written }).WORKER_IN_PROCESS).toBe(read);
    }
  });

  it('stops at a switch it cannot read, naming it, rather than taking it as false', () => {
    const load = () => loadConfig({ ...base, WORKER_IN_PROCESS: 'ture', RUN_MIGRATIONS: 'maybe' });
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(
      'Invalid configuration:\n' +
        '  RUN_MIGRATIONS: RUN_MIGRATIONS must be true/false, 1/0, yes/no or on/off\n' +
        '  WORKER_IN_PROCESS: WORKER_IN_PROCESS must be true/false, 1/0, yes/no or on/off',
    );
  });

  /** The one line the start prints for a single bad variable. */
  function refusal(env: Record<string, string | undefined>): string {
    try {
      loadConfig({ ...base, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(env)}`);
  }

  it('keeps PUBLIC_URL without trailing slashes, so links are not //sign-in', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'http://localhost:3102/' }).PUBLIC_URL).toBe(
      'http://localhost:3102',
    );
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://example.jp/tsunagu//' }).PUBLIC_URL).toBe(
      'https://example.jp/tsunagu',
    );
  });

  it.each([
    ['http://localhost:3000/?lang=en', 'without a query (?…) or fragment (#…)'],
    ['http://localhost:3000/#top', 'without a query (?…) or fragment (#…)'],
    ['ftp://example.jp', 'must be a URL starting with http:// or https://'],
    ['localhost:3000', 'must be a URL starting with http:// or https://'],
  ])('refuses PUBLIC_URL=%s, naming it', (value, message) => {
    const text = refusal({ PUBLIC_URL: value });
    expect(text).toContain(
      `  PUBLIC_URL: PUBLIC_URL ${message.startsWith('must') ? '' : 'must be the service'}`,
    );
    expect(text).toContain(message);
  });

  it('refuses a session lifetime jsonwebtoken cannot read, or would read as milliseconds', () => {
    const line =
      '  JWT_EXPIRES_IN: JWT_EXPIRES_IN must be a duration of at least a minute with its unit, such as 12h, 30m or 7d';
    expect(refusal({ JWT_EXPIRES_IN: 'forever' })).toBe(`Invalid configuration:\n${line}`);
    expect(refusal({ JWT_EXPIRES_IN: '43200' })).toBe(`Invalid configuration:\n${line}`);
    expect(loadConfig({ ...base, JWT_EXPIRES_IN: '7d' }).JWT_EXPIRES_IN).toBe('7d');
  });

  it('takes MAIL_FROM as an address or Name <address>, nothing else', () => {
    expect(refusal({ MAIL_FROM: 'garbage' })).toBe(
      'Invalid configuration:\n  MAIL_FROM: MAIL_FROM must be an email address or Name <address> (e.g. Tsunagu <no-reply@example.jp>)',
    );
    for (const from of ['no-reply@example.jp', 'つなぐ事務局 <no-reply@example.jp>', '"Tsunagu" <a@b.jp>']) {
      expect(loadConfig({ ...base, MAIL_FROM: from }).MAIL_FROM).toBe(from);
    }
  });

  it('refuses QUEUE_PREFIX set but empty rather than sharing the default prefix', () => {
    expect(refusal({ QUEUE_PREFIX: '' })).toBe(
      'Invalid configuration:\n  QUEUE_PREFIX: QUEUE_PREFIX must be a name without spaces, not empty (e.g. tsunagu_staging)',
    );
    expect(loadConfig(base).QUEUE_PREFIX).toBe('tsunagu');
    // Other empty variables still mean "not set".
    expect(loadConfig({ ...base, SMTP_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: PORT must be a whole number from 1 to 65535'],
    [{ PORT: '0' }, 'PORT: PORT must be a whole number from 1 to 65535'],
    [{ MAIL_LEASE_MS: '5' }, 'MAIL_LEASE_MS: MAIL_LEASE_MS must be a whole number of at least 100'],
    [
      { WORKER_IN_PROCESS: 'maybe' },
      'WORKER_IN_PROCESS: WORKER_IN_PROCESS must be true/false, 1/0, yes/no or on/off',
    ],
    [
      { JWT_SECRET: undefined },
      'JWT_SECRET: JWT_SECRET is required: at least 32 random characters (openssl rand -hex 32)',
    ],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: JWT_SECRET must be at least 32 characters'],
  ])('%j gives one clear line', (env, line) => {
    expect(refusal(env)).toBe(`Invalid configuration:\n  ${line}`);
  });
});
