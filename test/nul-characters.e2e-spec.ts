import { Role } from '../src/auth/actor';
import { createOrganization, staffSession, tokyoInDays } from './support/fixtures';
import { createTestApp, failure, TestApp } from './support/test-app';

/**
 * A NUL character (U+0000), which Postgres cannot store in text, is refused as BAD_USER_INPUT
 * naming the field wherever text comes in (one check, in InputValidationPipe; a page's form is
 * checked by its page), instead of reaching the database and coming back as INTERNAL_SERVER_ERROR.
 */
describe('NUL characters in input', () => {
  let t: TestApp;
  let staff: string;
  const NUL = '\u0000';

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    staff = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '葛飾区商工会議所' }),
    );
  });
  afterAll(() => t.close());

  it.each<[string, () => [string, Record<string, unknown>, string | undefined], string]>([
    [
      'participants(filter: { text })',
      () => [
        'query($text: String) { participants(filter: { text: $text }) { edges { node { id } } } }',
        { text: `タカ${NUL}ハシ` },
        staff,
      ],
      'text',
    ],
    [
      'createEvent title',
      () => [
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            title: `事業承継セミナー${NUL}`,
            kind: 'SEMINAR',
            venue: '葛飾区産業会館',
            startsAt: tokyoInDays(30, '14:00'),
            endsAt: tokyoInDays(30, '16:00'),
          },
        },
        staff,
      ],
      'title',
    ],
    [
      'requestMagicLink (public)',
      () => [
        'mutation($email: String!) { requestMagicLink(email: $email) }',
        { email: `a${NUL}@example.jp` },
        undefined,
      ],
      'email',
    ],
    [
      'importParticipants csv',
      () => [
        'mutation($csv: String) { importParticipants(csv: $csv) { created } }',
        { csv: `メールアドレス,氏名\r\ntakahashi@example.jp,髙橋${NUL}健一\r\n` },
        staff,
      ],
      'csv',
    ],
  ])('%s: BAD_USER_INPUT naming the field', async (_, operation, field) => {
    const [query, variables, token] = operation();
    const error = failure(await t.gql(query, variables, token));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain('使えない文字（NUL, U+0000）');
  });

  it('names the line of a csv text, and the row and column of an uploaded file', async () => {
    const csv = failure(
      await t.gql(
        'mutation($csv: String) { importParticipants(csv: $csv) { created } }',
        { csv: `メールアドレス,氏名\r\ntakahashi@example.jp,髙橋${NUL}健一\r\n` },
        staff,
      ),
    );
    expect(csv.message).toBe('CSVに使えない文字（NUL, U+0000）が含まれています（2 行目）');
    const file = failure(
      await t.gql(
        'mutation($fileBase64: String) { importParticipants(fileBase64: $fileBase64) { created } }',
        {
          fileBase64: Buffer.from(`メールアドレス,氏名\r\ntakahashi@example.jp,髙橋${NUL}健一\r\n`).toString(
            'base64',
          ),
        },
        staff,
      ),
    );
    expect(file.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileBase64' });
    expect(file.message).toBe('2 行目の「氏名」に使えない文字（NUL, U+0000）が含まれています');
  });

  it('the sign-in form asks again rather than failing', async () => {
    const response = await fetch(`${t.url}/sign-in/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ email: `a${NUL}@example.jp` }).toString(),
    });
    expect(response.status).toBe(400);
    // The form itself, again, with what to correct: no address has a NUL in it.
    const page = await response.text();
    expect(page).toContain('メールアドレスの形式になっていません');
    expect(page).toContain('<form method="post" action="request">');
  });
});
