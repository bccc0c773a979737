import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/actor';
import { createOrganization, createPublishedEvent, staffSession, tokyoInDays } from './support/fixtures';
import { createTestApp, failure, GraphqlResponse, TestApp } from './support/test-app';
import { JAPANESE_TEXT } from '../src/common/japan/japanese-text';

/**
 * Inputs GraphQL itself refuses (a day that does not exist, a year nobody means, a wrong enum
 * value) come back like every other input error: BAD_USER_INPUT, the field, a Japanese message.
 */
describe('input refusals name the field in Japanese', () => {
  let t: TestApp;
  let organizer: string;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '葛飾区商工会議所' }),
    );
    eventId = await createPublishedEvent(t, organizer, { title: '事業承継セミナー' });
  });

  afterAll(async () => {
    await t.close();
  });

  const createEvent = (input: Record<string, unknown>) =>
    t.gql(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'SEMINAR',
          title: 'DX 推進セミナー',
          venue: '葛飾区産業会館',
          startsAt: tokyoInDays(30, '14:00'),
          endsAt: tokyoInDays(30, '16:00'),
          ...input,
        },
      },
      organizer,
    );
  const expectRefusal = (response: GraphqlResponse, field: string, text?: RegExp) => {
    const error = failure(response);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(JAPANESE_TEXT);
    if (text) expect(error.message).toMatch(text);
  };

  it('refuses a day that does not exist instead of rolling it over to March', async () => {
    expectRefusal(await createEvent({ startsAt: '2027-02-30T18:00' }), 'startsAt', /存在しない日時/);
  });

  it.each(['1900-01-20T18:00', '9999-01-20T18:00'])('refuses the year of %s', async (startsAt) => {
    expectRefusal(await createEvent({ startsAt }), 'startsAt', /2000年〜2100年/);
    expectRefusal(
      await t.gql(
        'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
        { id: eventId, input: { startsAt } },
        organizer,
      ),
      'startsAt',
    );
  });

  it('names the field of a date written in the query itself', async () => {
    expectRefusal(
      await t.gql(
        `mutation($id: ID!) { acceptMiniSalonRequest(id: $id, input: { startsAt: "1900-01-20T18:00", endsAt: "1900-01-20T20:00" }) { id } }`,
        { id: randomUUID() },
        organizer,
      ),
      'startsAt',
    );
    const [row] = await t.dataSource.query('SELECT starts_at FROM events WHERE id = $1', [eventId]);
    expect(new Date(row.starts_at).getFullYear()).toBeGreaterThan(2000);
  });

  it('refuses calendar dates outside 2000–2100 for deals and follow-ups', async () => {
    expectRefusal(
      await t.gql(
        'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
        { input: { meetingId: randomUUID(), type: 'ORDER', title: '試作 500 個', startedOn: '1900-04-01' } },
        organizer,
      ),
      'startedOn',
    );
    expectRefusal(
      await t.gql(
        'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
        { input: { dealId: randomUUID(), dueOn: '9999-12-31' } },
        organizer,
      ),
      'dueOn',
    );
  });

  it('names the field of a wrong enum value, in variables and in the query', async () => {
    expectRefusal(await createEvent({ kind: 'PARTY' }), 'kind', /PARTY/);
    expectRefusal(
      await t.gql('{ events(filter: { status: OPENED }) { totalCount } }', {}, organizer),
      'status',
      /OPENED/,
    );
  });

  it('names a required field that was left out', async () => {
    expectRefusal(await createEvent({ title: undefined }), 'title', /指定してください/);
  });

  it('names the field left out even when other text holds "; ", quotes or line breaks', async () => {
    const response = await t.gql(
      'mutation($i: UpsertParticipantInput!) { upsertParticipant(input: $i) { id } }',
      {
        i: {
          email: 'yamada@example.jp',
          name: '山田 太郎',
          offersText:
            '町工場の技術; 海外の販路\n"small factories; connections to buyers in India and Singapore"',
          needs: ['販路開拓; 輸出'],
        },
      },
      organizer,
    );
    expect(failure(response)).toMatchObject({
      message: 'フリガナを指定してください',
      extensions: { code: 'BAD_USER_INPUT', field: 'furigana' },
    });
  });

  it('explains class-validator rules in Japanese, naming the field', async () => {
    expectRefusal(
      await createEvent({ title: 'あ'.repeat(201) }),
      'title',
      /^タイトルは 200 文字以内で入力してください$/,
    );
    expectRefusal(
      await createEvent({ themes: Array.from({ length: 21 }, (_, i) => `テーマ${i}`) }),
      'themes',
      /^テーマは 20 件までにしてください$/,
    );
    expectRefusal(
      await t.gql(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { id } }',
        { input: { eventId: 'abc', startsAt: tokyoInDays(30, '14:00'), slotMinutes: 20, slotCount: 6 } },
        organizer,
      ),
      'eventId',
      /UUID/,
    );
  });

  describe('values written in the query itself', () => {
    const createEventLiteral = (fields: string) =>
      t.gql(`mutation { createEvent(input: { ${fields} }) { id } }`, {}, organizer);
    const event = `kind: SALON, title: "DX 推進サロン", startsAt: "${tokyoInDays(30, '14:00')}", endsAt: "${tokyoInDays(30, '16:00')}"`;

    it('names a scalar argument of the wrong type', async () => {
      expectRefusal(
        await t.gql('{ participants(first: "10") { totalCount } }', {}, organizer),
        'first',
        /^件数は整数で指定してください$/,
      );
      expectRefusal(
        await t.gql(
          `{ suggestionsFor(eventId: "${eventId}", participantId: "${randomUUID()}", includeDismissed: "no") { id } }`,
          {},
          organizer,
        ),
        'includeDismissed',
        /^includeDismissed は true か false で指定してください$/,
      );
    });

    it('names a field of an input object that is wrong, unknown or left out', async () => {
      expectRefusal(await createEventLiteral(`${event}, venu: "葛飾区産業会館"`), 'venu', /venue/);
      expectRefusal(
        await createEventLiteral(event.replace('title: "DX 推進サロン", ', '')),
        'title',
        /^タイトルを指定してください$/,
      );
      expectRefusal(
        await createEventLiteral(event.replace('"DX 推進サロン"', 'null')),
        'title',
        /^タイトルを指定してください$/,
      );
      expectRefusal(await createEventLiteral(event.replace('SALON', 'PARTY')), 'kind', /PARTY/);
      expectRefusal(await createEventLiteral(event.replace('SALON', '"SALON"')), 'kind', /SALON/);
      expectRefusal(await createEventLiteral(`${event}, themes: ["DX", 1]`), 'themes.1', /文字列/);
      expectRefusal(
        await t.gql('mutation { createEvent { id } }', {}, organizer),
        'input',
        /^input を指定してください$/,
      );
    });

    it('names an item of a list by its number, as for variables', async () => {
      const organizationId = randomUUID();
      expectRefusal(
        await t.gql(
          `mutation { setFiscalYearTargets(organizationId: "${organizationId}", fiscalYear: 2026, targets: [{ metric: EVENTS, target: 3 }, { metric: SALES }]) { fiscalYear } }`,
          {},
          organizer,
        ),
        'targets.1.metric',
        /SALES/,
      );
    });

    it('passes on a custom scalar’s own Japanese refusal, which names the field itself', async () => {
      for (const amount of ['-1', '1.5', '"1000"']) {
        expectRefusal(
          await t.gql(
            `mutation { recordDeal(input: { meetingId: "${randomUUID()}", type: ORDER, title: "試作 500 個", amountYen: ${amount} }) { id } }`,
            {},
            organizer,
          ),
          'amountYen',
          /^金額は 0 円以上の円単位の整数で入力してください/,
        );
      }
    });

    it('reports every refusal in one query, each with its own field', async () => {
      const response = await t.gql(`{ participants(first: "10", after: 5) { totalCount } }`, {}, organizer);
      expect(response.errors?.map((error) => error.extensions)).toEqual([
        { code: 'BAD_USER_INPUT', field: 'first' },
        { code: 'BAD_USER_INPUT', field: 'after' },
      ]);
    });

    it('leaves mistakes in the shape of the query as they are', async () => {
      expect(failure(await t.gql('{ participants { nope } }', {}, organizer)).extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
      });
      expect(
        failure(await t.gql('{ participants(first: ) { totalCount } }', {}, organizer)).extensions,
      ).toMatchObject({
        code: 'GRAPHQL_PARSE_FAILED',
      });
    });
  });

  it('names the field that named a missing organisation', async () => {
    const missing = randomUUID();
    const error = failure(await createEvent({ coHostIds: [missing] }));
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'coHostIds' });
    expect(error.message).toBe(`共催団体が見つかりません: ${missing}`);
  });
});
