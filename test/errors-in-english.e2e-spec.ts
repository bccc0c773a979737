import { JwtService } from '@nestjs/jwt';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { JAPANESE_TEXT } from '../src/common/japan/japanese-text';

const NUL = '\u0000';
/** What a browser sends with a form it posts. */
const BROWSER = {
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'ja,en;q=0.5',
};

interface Person {
  id: string;
  email: string;
  token: string;
  registrationId: string;
}

/**
 * Daniel reads English (locale en), 健一 Japanese. Whatever refuses what they send, the refusal is
 * in their language, with the same code, reason and field either way; staff read Japanese.
 */
describe('errors in the participant’s language', () => {
  let t: TestApp;
  let organizer: string;
  let organizationId: string;
  let eventId: string;
  let hiddenEventId: string;
  let daniel: Person;
  let kenji: Person;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizationId = await createOrganization(t, admin, { name: '大田区産業振興協会' });
    organizer = await staffSession(t, Role.ORGANIZER, organizationId);
    const otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '墨田区商工会議所' }),
    );
    eventId = await createPublishedEvent(t, organizer, { title: 'おおた ものづくり交流会' });
    hiddenEventId = await createPublishedEvent(t, otherOrganizer, {
      title: '墨田区 招待制サロン',
      visibility: 'INVITE_ONLY',
    });
    const person = async (input: Record<string, unknown>): Promise<Person> => {
      const { id, email } = await createParticipant(t, organizer, input);
      const token = await t.participantToken(id);
      const { register } = ok(
        await t.gql<{ register: { id: string } }>(registerMutation(), { eventId }, token),
      );
      return { id, email, token, registrationId: register.id };
    };
    daniel = await person({ name: 'Daniel Weber', furigana: 'ダニエル ウェーバー', locale: 'en' });
    kenji = await person({ name: '中村 健一', furigana: 'ナカムラ ケンイチ' });
  });
  afterAll(() => t?.close());

  /** The same operation by Daniel and by 健一: the refusal each reads. */
  const both = async (query: string, variables: Record<string, unknown> = {}) => {
    const english = failure(await t.gql(query, variables, daniel.token));
    const japanese = failure(await t.gql(query, variables, kenji.token));
    return { english, japanese };
  };
  /** Refused alike in both languages: the same code, reason and field; English for Daniel. */
  const expectBoth = (
    { english, japanese }: Awaited<ReturnType<typeof both>>,
    extensions: Record<string, unknown>,
    messages: [RegExp | string, RegExp | string],
  ) => {
    expect(japanese.extensions).toMatchObject(extensions);
    expect(english.extensions).toEqual(japanese.extensions);
    expect(english.message).not.toMatch(JAPANESE_TEXT);
    expect(japanese.message).toMatch(JAPANESE_TEXT);
    const [en, ja] = messages;
    if (typeof en === 'string') expect(english.message).toBe(en);
    else expect(english.message).toMatch(en);
    if (typeof ja === 'string') expect(japanese.message).toBe(ja);
    else expect(japanese.message).toMatch(ja);
  };

  describe('something that is not there, naming the argument that named it', () => {
    const missing = '00000000-0000-4000-8000-000000000000';

    it('a registration, a suggestion, a meeting request', async () => {
      expectBoth(
        await both('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: missing }),
        { code: 'NOT_FOUND', reason: 'REGISTRATION_NOT_FOUND', field: 'id' },
        [`Registration not found: ${missing}`, `参加登録が見つかりません: ${missing}`],
      );
      expectBoth(
        await both(`mutation { dismissSuggestion(id: "${missing}") { id } }`),
        { code: 'NOT_FOUND', reason: 'MATCHING_SUGGESTION_NOT_FOUND', field: 'id' },
        [`Suggestion not found: ${missing}`, `おすすめが見つかりません: ${missing}`],
      );
      expectBoth(
        await both('mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', {
          id: missing,
        }),
        { code: 'NOT_FOUND', reason: 'MEETING_REQUEST_NOT_FOUND', field: 'id' },
        [`Meeting request not found: ${missing}`, `面談申込が見つかりません: ${missing}`],
      );
    });

    it('an event: unknown, or another organisation’s invite-only one, answer alike', async () => {
      for (const id of [missing, hiddenEventId])
        expectBoth(
          await both(registerMutation(), { eventId: id }),
          { code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND', field: 'eventId' },
          [`Event not found: ${id}`, `イベントが見つかりません: ${id}`],
        );
    });

    it('an organisation named inside the input', async () => {
      const { english, japanese } = await both(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: missing,
            theme: '事業承継',
            area: '東京都大田区',
            preferredFrom: '2030-04-01',
            preferredTo: '2030-06-30',
            expectedParticipants: 8,
          },
        },
      );
      expectBoth(
        { english, japanese },
        { code: 'NOT_FOUND', reason: 'ORGANIZATION_NOT_FOUND', field: 'organizationId' },
        [`Organisation not found: ${missing}`, `団体が見つかりません: ${missing}`],
      );
    });
  });

  it('a registration that cannot be cancelled any more says so in English', async () => {
    await t.dataSource.query(`UPDATE registrations SET status = 'ATTENDED' WHERE id = ANY($1)`, [
      [daniel.registrationId, kenji.registrationId],
    ]);
    try {
      const cancel = 'mutation($id: ID!) { cancelRegistration(id: $id) { id } }';
      const english = failure(await t.gql(cancel, { id: daniel.registrationId }, daniel.token));
      const japanese = failure(await t.gql(cancel, { id: kenji.registrationId }, kenji.token));
      expectBoth(
        { english, japanese },
        { code: 'CONFLICT', reason: 'REGISTRATION_INVALID_TRANSITION', field: 'status' },
        [
          'A registration marked "Attended" cannot be changed to "Cancelled".',
          '「出席」の参加登録を「キャンセル」にはできません',
        ],
      );
    } finally {
      await t.dataSource.query(`UPDATE registrations SET status = 'REGISTERED' WHERE id = ANY($1)`, [
        [daniel.registrationId, kenji.registrationId],
      ]);
    }
  });

  describe('values of the wrong type or not among those allowed', () => {
    const PROFILE = 'mutation($input: ProfileInput!) { updateMyProfile(input: $input) { id } }';

    it.each<[string, Record<string, unknown>, string, string, string]>([
      [
        'a kind',
        { kind: 'IMPORTER' },
        'kind',
        'Type of participant cannot be IMPORTER.',
        '参加者区分に指定できない値です: IMPORTER',
      ],
      ['a language', { locale: 'de' }, 'locale', 'Language cannot be de.', '言語に指定できない値です: de'],
      [
        'a consent',
        { consentEmail: 'yes' },
        'consentEmail',
        'Consent to announcement emails must be true or false.',
        'お知らせメールの受信の同意は true か false で指定してください',
      ],
      ['a job title', { title: 42 }, 'title', 'Job title must be text.', '役職は文字列で指定してください'],
      [
        'a field misspelt',
        { nmae: 'x' },
        'nmae',
        'There is no field nmae. Did you mean name?',
        'nmae という項目はありません（name のことですか）',
      ],
    ])('%s, in variables', async (_, input, field, english, japanese) => {
      expectBoth(await both(PROFILE, { input }), { code: 'BAD_USER_INPUT', field }, [english, japanese]);
    });

    it('the same written in the query itself', async () => {
      expectBoth(
        await both('mutation { updateMyProfile(input: { title: 42 }) { id } }'),
        { code: 'BAD_USER_INPUT', field: 'title' },
        ['Job title must be text.', '役職は文字列で指定してください'],
      );
      expectBoth(
        await both('mutation { updateMyProfile(input: { locale: de }) { id } }'),
        { code: 'BAD_USER_INPUT', field: 'locale' },
        ['Language cannot be de.', '言語に指定できない値です: de'],
      );
    });

    it('a day that does not exist, in variables and in the query', async () => {
      expectBoth(
        await both('query($f: EventFilter) { events(filter: $f) { totalCount } }', {
          f: { from: '2027-02-30' },
        }),
        { code: 'BAD_USER_INPUT', field: 'from' },
        ['From: no such date and time: 2027-02-30', /存在しない日時です: 2027-02-30/],
      );
      expectBoth(
        await both('{ events(filter: { to: "2027-02-30T10:00" }) { totalCount } }'),
        { code: 'BAD_USER_INPUT', field: 'to' },
        ['To: no such date and time: 2027-02-30T10:00', /存在しない日時です: 2027-02-30T10:00/],
      );
    });

    it('a number of people that is not whole', async () => {
      expectBoth(
        await both('mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }', {
          input: {
            organizationId,
            theme: '事業承継',
            area: '東京都大田区',
            preferredFrom: '2030-04-01',
            preferredTo: '2030-06-30',
            expectedParticipants: 1.5,
          },
        }),
        { code: 'BAD_USER_INPUT', field: 'expectedParticipants' },
        ['Expected number of participants must be a whole number.', '参加見込み人数は整数で指定してください'],
      );
    });

    it('an id that is not one', async () => {
      expectBoth(
        await both(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          {
            e: eventId,
            to: 'not-a-uuid',
          },
        ),
        { code: 'BAD_USER_INPUT', field: 'toParticipantId' },
        [
          'ID of the person to meet is not in the right format (a UUID is expected).',
          'toParticipantId の形式が正しくありません（UUID を指定してください）',
        ],
      );
    });

    it('names a field as a person would, an item of a list too', async () => {
      expectBoth(
        await both(PROFILE, { input: { offers: ['金型設計', `試作${NUL}`] } }),
        { code: 'BAD_USER_INPUT', field: 'offers.1' },
        [
          'What you offer (item 2) contains a character that cannot be used (NUL, U+0000).',
          '提供できることの2件目に使えない文字（NUL, U+0000）が含まれています',
        ],
      );
      expectBoth(
        await both('mutation($email: String!) { requestEmailChange(email: $email) }', { email: 'daniel' }),
        { code: 'BAD_USER_INPUT', field: 'email' },
        [
          'Email address must be a valid address, such as name@example.com.',
          'メールアドレスの形式が正しくありません',
        ],
      );
    });

    it('staff read Japanese whoever the participant is', async () => {
      const refused = failure(
        await t.gql(
          'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
          { input: { email: daniel.email, name: 'Daniel Weber', furigana: 'ダニエル', kind: 'IMPORTER' } },
          organizer,
        ),
      );
      expect(refused.message).toBe('参加者区分に指定できない値です: IMPORTER');
    });
  });

  it('an ended session still names its participant: refused in their language, not signed in', async () => {
    const CHANGE =
      'mutation($p: ID!, $email: String!) { changeParticipantEmail(participantId: $p, email: $email) { resentEmails } }';
    const me = (session: string) => t.gql('{ me { participant { id } } }', {}, session);
    const grace = await createParticipant(t, organizer, { name: 'Grace Hill', locale: 'en' });
    const yumi = await createParticipant(t, organizer, { name: '木村 由美', furigana: 'キムラ ユミ' });
    const graceBefore = await t.participantToken(grace.id);
    const yumiBefore = await t.participantToken(yumi.id);
    // Staff correct both addresses, which ends the sessions signed in through the old ones.
    ok(await t.gql(CHANGE, { p: grace.id, email: 'grace.hill@hill-textiles.example' }, organizer));
    ok(await t.gql(CHANGE, { p: yumi.id, email: 'kimura.yumi@example.jp' }, organizer));
    // An expired one too.
    const expired = await t.app
      .get(JwtService)
      .signAsync({ sub: grace.id, typ: 'participant', role: Role.PARTICIPANT }, { expiresIn: -60 });
    for (const session of [graceBefore, expired]) {
      const refused = failure(await me(session));
      expect(refused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
      expect(refused.message).toBe('Your session is not valid or has expired. Please sign in again.');
    }
    const japanese = failure(await me(yumiBefore));
    expect(japanese.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    expect(japanese.message).toBe('セッションが無効か期限切れです。もう一度ログインしてください');
    // The signed-in page's form too, whatever the browser reads.
    const page = await fetch(`${t.url}/email-change/request`, {
      method: 'POST',
      headers: BROWSER,
      body: new URLSearchParams({ session: graceBefore, email: 'grace@hill-textiles.example' }).toString(),
    });
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Your session is not valid or has expired. Please sign in again.');
    // Named, not signed in: nothing was asked for.
    const [{ count }]: { count: string }[] = await t.dataSource.query(
      'SELECT count(*) FROM email_change_requests WHERE participant_id = $1',
      [grace.id],
    );
    expect(Number(count)).toBe(0);
  });

  it('a survey link is its participant’s: refused in their language without a session', async () => {
    const mint = (registrationId: string) =>
      t.app.get(ActionTokensService).mint(t.dataSource.manager, [
        {
          purpose: TokenPurpose.SURVEY_ANSWER,
          subjectId: registrationId,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      ]);
    const [danielsLink] = await mint(daniel.registrationId);
    const [kenjisLink] = await mint(kenji.registrationId);
    const submit = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($token: String!, $input: SurveyAnswerInput!) { submitSurvey(token: $token, input: $input) { updated } }',
        {
          token,
          input,
        },
      );
    const answers = { gainedOpportunities: true, satisfaction: 9 };
    expectBoth(
      {
        english: failure(await submit(danielsLink, answers)),
        japanese: failure(await submit(kenjisLink, answers)),
      },
      { code: 'BAD_USER_INPUT', field: 'satisfaction' },
      ['Please choose how satisfied you were, from 1 to 5.', '満足度を 1〜5 で選んでください'],
    );
    // A value GraphQL itself refuses, before the link is even opened.
    const wrongType = { gainedOpportunities: 'yes', satisfaction: 4 };
    expectBoth(
      {
        english: failure(await submit(danielsLink, wrongType)),
        japanese: failure(await submit(kenjisLink, wrongType)),
      },
      { code: 'BAD_USER_INPUT', field: 'gainedOpportunities' },
      [/true or false/, /true か false/],
    );
  });

  /**
   * Whatever Daniel does that is refused — on his own things, on other people's, on what does not
   * exist, with a value out of range, from a link in his emails — he reads no Japanese: the error's
   * own English, or a plain English sentence where it has none.
   */
  describe('no refusal a participant reading English can meet shows Japanese', () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const day = (days: number) => later(days).slice(0, 10);

    it.each<[string, string, () => Record<string, unknown>]>([
      ['a page of events too long', '{ events(first: 0) { totalCount } }', () => ({})],
      ['a cursor that is not one', '{ events(after: "not-a-cursor") { totalCount } }', () => ({})],
      [
        'a page of their ミニサロン requests too long',
        '{ miniSalonRequests(first: 500) { totalCount } }',
        () => ({}),
      ],
      [
        'a calendar that ends before it starts',
        'query($f: DateTime!, $t: DateTime!) { eventCalendar(from: $f, to: $t) { id } }',
        () => ({ f: later(10), t: later(5) }),
      ],
      [
        'a calendar of more than 400 days',
        'query($f: DateTime!, $t: DateTime!) { eventCalendar(from: $f, to: $t) { id } }',
        () => ({ f: later(1), t: later(800) }),
      ],
      ['an event that does not exist', 'query($id: ID!) { event(id: $id) { id } }', () => ({ id: missing })],
      [
        'a participant who does not exist',
        'query($id: ID!) { participant(id: $id) { id } }',
        () => ({ id: missing }),
      ],
      [
        'a meeting that does not exist',
        'query($id: ID!) { meeting(id: $id) { id } }',
        () => ({ id: missing }),
      ],
      [
        'cancelling a meeting that does not exist',
        'mutation($id: ID!) { cancelMeeting(id: $id) { id } }',
        () => ({ id: missing }),
      ],
      [
        'registering someone else',
        'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }',
        () => ({ e: eventId, p: kenji.id }),
      ],
      [
        'choosing their own role',
        'mutation($e: ID!) { register(eventId: $e, role: BUYER) { id } }',
        () => ({ e: eventId }),
      ],
      [
        'cancelling someone else’s registration',
        'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
        () => ({ id: kenji.registrationId }),
      ],
      [
        'a meeting with themself',
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        () => ({ e: eventId, to: daniel.id }),
      ],
      [
        'a meeting at an event they are not at',
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        () => ({ e: hiddenEventId, to: kenji.id }),
      ],
      [
        'cancelling a meeting request that does not exist',
        'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }',
        () => ({ id: missing }),
      ],
      [
        'someone else’s suggestions',
        'query($e: ID!, $p: ID!) { suggestionsFor(eventId: $e, participantId: $p) { id } }',
        () => ({ e: eventId, p: kenji.id }),
      ],
      [
        'an agenda of no event',
        'query($e: ID!) { myAgenda(eventId: $e) { version } }',
        () => ({ e: missing }),
      ],
      [
        'a furigana not in kana',
        'mutation { updateMyProfile(input: { furigana: "Weber" }) { id } }',
        () => ({}),
      ],
      [
        'a ミニサロン wished for backwards',
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        () => ({
          input: {
            organizationId,
            theme: 'Business succession',
            area: '東京都大田区',
            preferredFrom: day(60),
            preferredTo: day(30),
            expectedParticipants: 8,
          },
        }),
      ],
      [
        'withdrawing a ミニサロン request that does not exist',
        'mutation($id: ID!) { withdrawMiniSalonRequest(id: $id) { id } }',
        () => ({ id: missing }),
      ],
      [
        'their own address as the new one',
        'mutation($email: String!) { requestEmailChange(email: $email) }',
        () => ({ email: daniel.email }),
      ],
      ['what only staff may do', '{ participants { totalCount } }', () => ({})],
      [
        'a staff password',
        'mutation { changeMyPassword(currentPassword: "x", newPassword: "long-enough-password") { token } }',
        () => ({}),
      ],
    ])('%s', async (_, query, variables) => {
      const refused = failure(await t.gql(query, variables(), daniel.token));
      expect(refused.extensions?.code).toEqual(expect.any(String));
      expect(refused.message).not.toMatch(JAPANESE_TEXT);
    });

    it('a page, a cursor and a period say what is wrong with them', async () => {
      const said = async (query: string, variables: Record<string, unknown> = {}) =>
        failure(await t.gql(query, variables, daniel.token)).message;
      expect(await said('{ events(first: 0) { totalCount } }')).toBe(
        'The number of items (first) must be between 1 and 200.',
      );
      expect(await said('{ events(after: "not-a-cursor") { totalCount } }')).toBe(
        'The cursor (after) is not valid: give the endCursor of the page before.',
      );
      const calendar = 'query($f: DateTime!, $t: DateTime!) { eventCalendar(from: $f, to: $t) { id } }';
      expect(await said(calendar, { f: later(10), t: later(5) })).toBe('To must be later than from.');
      expect(await said(calendar, { f: later(1), t: later(800) })).toBe(
        'The period can be at most 400 days.',
      );
    });

    it('from the links in his emails, signed in or not', async () => {
      const mint = async (purpose: TokenPurpose, subjectId: string) =>
        (
          await t.app
            .get(ActionTokensService)
            .mint(t.dataSource.manager, [
              { purpose, subjectId, expiresAt: new Date(Date.now() + 86_400_000) },
            ])
        )[0];
      const signIn = await mint(TokenPurpose.MAGIC_LINK, daniel.id);
      const redeem = 'mutation($token: String!) { redeemMagicLink(token: $token) { token } }';
      ok(await t.gql(redeem, { token: signIn }));
      const used = failure(await t.gql(redeem, { token: signIn }));
      expect(used.message).not.toMatch(JAPANESE_TEXT);
      const declined = failure(
        await t.gql(
          'mutation($token: String!) { respondToInvitation(token: $token, accept: false) { status } }',
          {
            token: await mint(TokenPurpose.INVITATION_RESPONSE, daniel.registrationId),
          },
        ),
      );
      expect(declined.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_ALREADY_REGISTERED',
      });
      expect(declined.message).not.toMatch(JAPANESE_TEXT);
      // The pages behind those links: the message of the page's own error in English too.
      const page = await fetch(`${t.url}/sign-in?token=${encodeURIComponent(signIn)}`, {
        headers: { accept: BROWSER.accept, 'accept-language': 'ja' },
      });
      const html = await page.text();
      expect(html).toContain('<html lang="en">');
      expect(html.slice(html.indexOf('<main>'))).not.toMatch(JAPANESE_TEXT);
    });

    it('a form too large for the server, in a browser that reads English', async () => {
      const page = await fetch(`${t.url}/sign-in`, {
        method: 'POST',
        headers: { ...BROWSER, 'accept-language': 'en' },
        body: new URLSearchParams({ email: 'daniel@example.com', pad: 'x'.repeat(1_100_000) }).toString(),
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('<html lang="en">');
      expect(html.slice(html.indexOf('<main>'))).not.toMatch(JAPANESE_TEXT);
    });
  });

  /**
   * The HTTP routes beside /graphql (the CSV exports, the one-click unsubscribe, the calendar feeds)
   * answer a client that is not a browser in JSON: its message is in the reader's language as
   * GraphQL's is, the signed-in participant's, or the Accept-Language of a request that names no one.
   */
  describe('the JSON refusals of the HTTP routes', () => {
    const MISSING_PAGE = { error: 'NOT_FOUND', reason: 'NOT_FOUND', message: 'Page not found.' };
    /** A request as a script or an app makes it: JSON, not a page. */
    const refusal = async (
      path: string,
      { session, language, ...init }: { session?: string; language?: string } & RequestInit = {},
    ) => {
      const response = await fetch(`${t.url}${path}`, {
        ...init,
        headers: {
          accept: 'application/json',
          ...(language ? { 'accept-language': language } : {}),
          ...(session ? { authorization: `Bearer ${session}` } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      // Not saved as the file the route would have answered (x.csv, tsunagu-calendar.ics).
      expect(response.headers.get('content-disposition')).toBeNull();
      return {
        status: response.status,
        body: (await response.json()) as { error: string; reason: string; message: string; field?: string },
      };
    };

    it('an export only staff may take: in the signed-in participant’s language, whatever the browser reads', async () => {
      const english = await refusal('/exports/participants.csv', { session: daniel.token, language: 'ja' });
      const japanese = await refusal('/exports/participants.csv', { session: kenji.token, language: 'en' });
      expect(english.status).toBe(403);
      expect(japanese.status).toBe(403);
      expect(japanese.body).toEqual({
        error: 'FORBIDDEN',
        reason: 'FORBIDDEN',
        message: 'この操作は主催者・支援担当・管理者が行えます',
      });
      expect(english.body).toEqual({
        ...japanese.body,
        message:
          "Only an organisation's organiser or an organisation's support staff or an administrator can do this.",
      });
      // The same refusal by GraphQL, word for word.
      const graphql = failure(await t.gql('{ participants { totalCount } }', {}, daniel.token));
      expect(graphql.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
      expect(graphql.message).toBe(english.body.message);
      // Staff read Japanese.
      const staff = await refusal('/exports/events/not-an-id/registrations.csv', {
        session: organizer,
        language: 'en',
      });
      expect(staff).toEqual({
        status: 400,
        body: {
          error: 'BAD_USER_INPUT',
          reason: 'INVALID_INPUT',
          field: 'eventId',
          message: 'eventId の形式が正しくありません（UUID を指定してください）',
        },
      });
    });

    it('no one signed in: in the language the request prefers', async () => {
      const english = await refusal('/exports/events.csv', { language: 'en-GB,en;q=0.9,ja;q=0.5' });
      const japanese = await refusal('/exports/events.csv', { language: 'ja,en;q=0.5' });
      expect(english).toEqual({
        status: 401,
        body: { error: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED', message: 'Please sign in.' },
      });
      expect(japanese.body).toEqual({ ...english.body, message: 'ログインが必要です' });
      // Without a preference, Japanese.
      expect((await refusal('/exports/events.csv')).body).toEqual(japanese.body);
    });

    it('an ended session: in the language of the participant it names', async () => {
      const expired = await t.app
        .get(JwtService)
        .signAsync({ sub: daniel.id, typ: 'participant', role: Role.PARTICIPANT }, { expiresIn: -60 });
      expect(await refusal('/exports/participants.csv', { session: expired, language: 'ja' })).toEqual({
        status: 401,
        body: {
          error: 'UNAUTHENTICATED',
          reason: 'INVALID_TOKEN',
          message: 'Your session is not valid or has expired. Please sign in again.',
        },
      });
    });

    it('refused before the session is read (an address not there, a body too large): still the participant’s', async () => {
      expect(await refusal('/exports/nothing.csv', { session: daniel.token, language: 'ja' })).toEqual({
        status: 404,
        body: MISSING_PAGE,
      });
      expect(
        (await refusal('/exports/nothing.csv', { session: kenji.token, language: 'en' })).body.message,
      ).toBe('ページが見つかりません');
      const tooLarge = await refusal('/unsubscribe/some-token', {
        session: daniel.token,
        language: 'ja',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `List-Unsubscribe=One-Click&pad=${'x'.repeat(1_100_000)}`,
      });
      expect(tooLarge).toEqual({
        status: 400,
        body: {
          error: 'BAD_USER_INPUT',
          reason: 'REQUEST_TOO_LARGE',
          message: 'What was sent is too large.',
        },
      });
    });

    it('the one-click unsubscribe a mail client posts, and the calendar feeds', async () => {
      const oneClick = await refusal(`/unsubscribe/${encodeURIComponent(`abc${NUL}`)}`, {
        language: 'en',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(400);
      expect(oneClick.body).toMatchObject({
        error: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        field: 'token',
      });
      expect(oneClick.body.message).not.toMatch(JAPANESE_TEXT);
      expect(oneClick.body.message).toMatch(/contains a character that cannot be used \(NUL, U\+0000\)\.$/);
      const calendar = await refusal(`/calendar.ics?lang=${encodeURIComponent(`en${NUL}`)}`, {
        language: 'en',
      });
      expect(calendar.status).toBe(400);
      expect(calendar.body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'lang' });
      expect(calendar.body.message).not.toMatch(JAPANESE_TEXT);
      expect(await refusal('/agenda/not-a-feed.ics', { language: 'en' })).toEqual({
        status: 404,
        body: MISSING_PAGE,
      });
      expect((await refusal('/agenda/not-a-feed.ics', { language: 'ja' })).body).toEqual({
        ...MISSING_PAGE,
        message: 'ページが見つかりません',
      });
    });
  });

  describe('a NUL character in the form behind an email link', () => {
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: BROWSER,
        body: new URLSearchParams(fields).toString(),
      });
    const expectPage = async (response: Response, lang: 'ja' | 'en', says: string) => {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(says);
    };

    it('the survey’s comment', async () => {
      const [link] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
        {
          purpose: TokenPurpose.SURVEY_ANSWER,
          subjectId: daniel.registrationId,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      ]);
      await expectPage(
        await post('/surveys/answer', {
          token: link,
          gainedOpportunities: 'yes',
          satisfaction: '4',
          comment: `Great${NUL}`,
        }),
        'en',
        'Comment contains a character that cannot be used (NUL, U+0000).',
      );
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM survey_responses WHERE registration_id = $1',
        [daniel.registrationId],
      );
      expect(count).toBe(0);
    });

    it('the answer to a meeting request, with its message', async () => {
      const request = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: eventId, to: daniel.id },
          kenji.token,
        ),
      ).requestMeeting;
      const [link] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
        {
          purpose: TokenPurpose.MEETING_RESPONSE,
          subjectId: request.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      ]);
      await expectPage(
        await post('/meetings/respond', { token: link, accept: '1', message: `See you${NUL}` }),
        'en',
        'Message contains a character that cannot be used (NUL, U+0000).',
      );
      const [{ status }] = await t.dataSource.query('SELECT status FROM meeting_requests WHERE id = $1', [
        request.id,
      ]);
      expect(status).toBe('PENDING');
    });

    it('the new address on the signed-in page', async () => {
      await expectPage(
        await post('/email-change/request', { session: daniel.token, email: `daniel${NUL}@example.com` }),
        'en',
        'Email address contains a character that cannot be used (NUL, U+0000).',
      );
      await expectPage(
        await post('/email-change/request', { session: kenji.token, email: `kenji${NUL}@example.jp` }),
        'ja',
        'メールアドレスに使えない文字（NUL, U+0000）が含まれています。',
      );
    });

    it('the address on an event’s public page, in the page’s language', async () => {
      await expectPage(
        await post(`/events/${eventId}/apply?lang=en`, { email: `daniel${NUL}@example.com` }),
        'en',
        'Please check the email address.',
      );
    });
  });
});
