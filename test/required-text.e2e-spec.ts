import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

/** A title, name or theme of only spaces is refused, naming the field, instead of being stored blank. */
describe('required text', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let orgId: string;
  let eventId: string;
  let participant: { id: string; token: string };
  const BLANK = ' \u3000 ';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '葛飾区商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, { title: '事業承継セミナー' });
    const person = await createParticipant(t, organizer, { name: '髙橋 健一' });
    participant = { id: person.id, token: await t.participantToken(person.id) };
  });

  afterAll(async () => {
    await t.close();
  });

  const event = {
    kind: 'SEMINAR',
    venue: '葛飾区産業会館',
    startsAt: tokyoInDays(30, '14:00'),
    endsAt: tokyoInDays(30, '16:00'),
  };

  const cases: [string, () => [string, Record<string, unknown>, string], string, string][] = [
    [
      'createEvent',
      () => [
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        { input: { ...event, title: BLANK } },
        organizer,
      ],
      'title',
      'イベント名を入力してください',
    ],
    [
      'updateEvent',
      () => [
        'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
        { id: eventId, input: { title: BLANK } },
        organizer,
      ],
      'title',
      'イベント名を入力してください',
    ],
    [
      'createOrganization',
      () => [
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: BLANK, kind: 'CHAMBER_OF_COMMERCE', municipality: '東京都葛飾区' } },
        admin,
      ],
      'name',
      '団体名を入力してください',
    ],
    [
      'createStaffUser',
      () => [
        'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
        {
          input: {
            email: 'blank@example.jp',
            name: BLANK,
            password: 'long-enough-password',
            role: 'STAFF',
            organizationId: orgId,
          },
        },
        admin,
      ],
      'name',
      '氏名を入力してください',
    ],
    [
      'upsertParticipant',
      () => [
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
        { input: { email: 'blank@example.jp', name: BLANK, furigana: 'ブランク' } },
        organizer,
      ],
      'name',
      '氏名を入力してください',
    ],
    [
      'upsertParticipant (company)',
      () => [
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
        {
          input: {
            email: 'blank@example.jp',
            name: '空白 太郎',
            furigana: 'クウハク タロウ',
            company: { name: BLANK },
          },
        },
        organizer,
      ],
      'company.name',
      '事業者名を入力してください',
    ],
    [
      'updateMyProfile',
      () => [
        'mutation($input: ProfileInput!) { updateMyProfile(input: $input) { id } }',
        { input: { name: BLANK } },
        participant.token,
      ],
      'name',
      '氏名を入力してください',
    ],
    [
      'recordDeal',
      () => [
        'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
        { input: { meetingId: randomUUID(), type: 'ORDER', title: BLANK } },
        organizer,
      ],
      'title',
      '商談の概要を入力してください',
    ],
    [
      'requestMiniSalon',
      () => [
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: orgId,
            theme: BLANK,
            area: '東京都葛飾区',
            preferredFrom: tokyoInDays(20, '00:00').slice(0, 10),
            preferredTo: tokyoInDays(50, '00:00').slice(0, 10),
            expectedParticipants: 12,
          },
        },
        participant.token,
      ],
      'theme',
      'テーマを入力してください',
    ],
  ];

  it.each(cases)('%s refuses text of only spaces', async (_name, request, field, message) => {
    const [query, variables, token] = request();
    const error = failure(await t.gql(query, variables, token));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toBe(message);
  });

  it('left the event title and the participant name as they were', async () => {
    const [row] = await t.dataSource.query('SELECT title FROM events WHERE id = $1', [eventId]);
    expect(row.title).toBe('事業承継セミナー');
    const [person] = await t.dataSource.query('SELECT name FROM participants WHERE id = $1', [
      participant.id,
    ]);
    expect(person.name).toBe('髙橋 健一');
  });

  it('stores a title without the spaces around it', async () => {
    const created = ok(
      await t.gql<{ createEvent: { title: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { title } }',
        { input: { ...event, title: '  DX 推進セミナー\u3000' } },
        organizer,
      ),
    );
    expect(created.createEvent.title).toBe('DX 推進セミナー');
  });
});
