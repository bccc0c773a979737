import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';

const REGISTER = registerMutation('id status role participant { id }');
type Registered = { register: { id: string; status: string; role: string } };

describe('registrations', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let otherOrganizer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '城北信用金庫', kind: 'FINANCIAL_INSTITUTION' });
    organizer = await staffSession(t, Role.ORGANIZER, org);
    staff = await staffSession(t, Role.STAFF, org);
    otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '岡谷市工業振興課',
        kind: 'MUNICIPALITY',
        municipality: '長野県岡谷市',
      }),
    );
  });
  afterAll(() => t.close());

  const statuses = async (eventId: string) =>
    Object.fromEntries(
      (
        await t.dataSource.query(
          `SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status`,
          [eventId],
        )
      ).map((row: { status: string; n: number }) => [row.status, row.n]),
    );

  it('gives exactly the last 10 seats to 200 parallel registrations and waitlists the rest', async () => {
    const eventId = await createPublishedEvent(t, organizer, { capacity: 15 });
    const early = await Promise.all(Array.from({ length: 5 }, () => createParticipant(t, staff)));
    for (const person of early) ok(await t.gql(REGISTER, { eventId }, await t.participantToken(person.id)));
    const crowd = await Promise.all(Array.from({ length: 200 }, () => createParticipant(t, staff)));
    const tokens = await Promise.all(crowd.map((person) => t.participantToken(person.id)));

    const results = await Promise.all(tokens.map((token) => t.gql<Registered>(REGISTER, { eventId }, token)));

    const outcome = results.map((result) => ok(result).register.status);
    expect(outcome.filter((status) => status === 'REGISTERED')).toHaveLength(10);
    expect(outcome.filter((status) => status === 'WAITLISTED')).toHaveLength(190);
    expect(await statuses(eventId)).toEqual({ REGISTERED: 15, WAITLISTED: 190 });
  });

  it('promotes the first waitlisted person when someone cancels, and registering twice changes nothing', async () => {
    const eventId = await createPublishedEvent(t, organizer, { capacity: 2 });
    const [a, b, c, d] = await Promise.all(Array.from({ length: 4 }, () => createParticipant(t, staff)));
    const tokens = await Promise.all([a, b, c, d].map((p) => t.participantToken(p.id)));
    const reg = [];
    for (const token of tokens) reg.push(ok(await t.gql<Registered>(REGISTER, { eventId }, token)).register);
    expect(reg.map((r) => r.status)).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    expect(ok(await t.gql<Registered>(REGISTER, { eventId }, tokens[0])).register.id).toBe(reg[0].id);

    const cancel = 'mutation($id: ID!) { cancelRegistration(id: $id) { status } }';
    expect(failure(await t.gql(cancel, { id: reg[0].id }, tokens[1])).extensions?.code).toBe('FORBIDDEN');
    expect(
      ok(await t.gql<{ cancelRegistration: { status: string } }>(cancel, { id: reg[0].id }, tokens[0]))
        .cancelRegistration.status,
    ).toBe('CANCELLED');
    const [promoted] = await t.dataSource.query('SELECT status FROM registrations WHERE id = $1', [
      reg[2].id,
    ]);
    expect(promoted.status).toBe('REGISTERED');
    expect(await statuses(eventId)).toEqual({ REGISTERED: 2, WAITLISTED: 1, CANCELLED: 1 });
  });

  it('lets the organising side register someone as an exhibitor and check them in', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: '岡谷・加賀 工業交流展',
      capacity: 200,
    });
    const person = await createParticipant(t, staff);
    const registered = ok(
      await t.gql<Registered>(
        REGISTER,
        { eventId, participantId: person.id, role: 'EXHIBITOR', booth: 'A-01' },
        staff,
      ),
    );
    expect(registered.register).toMatchObject({ status: 'REGISTERED', role: 'EXHIBITOR' });
    expect(
      failure(await t.gql(REGISTER, { eventId, participantId: person.id }, otherOrganizer)).extensions?.code,
    ).toBe('FORBIDDEN');
    const checkIn = 'mutation($id: ID!) { checkIn(registrationId: $id) { status checkedInAt } }';
    expect(
      failure(await t.gql(checkIn, { id: registered.register.id }, otherOrganizer)).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(await t.gql(checkIn, { id: registered.register.id }, await t.participantToken(person.id)))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(failure(await t.gql(checkIn, { id: registered.register.id })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    // Not before the event's day; from 00:00 that day on, though the doors open at 18:00.
    const early = failure(await t.gql(checkIn, { id: registered.register.id }, staff));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CHECK_IN_TOO_EARLY' });
    expect(early.message).toMatch(
      /^受付（チェックイン）はイベント当日の\d{4}年\d{1,2}月\d{1,2}日\(.\)から行えます$/,
    );
    await moveEventEarlier(t, eventId, 14);
    const checked = ok(
      await t.gql<{ checkIn: { status: string; checkedInAt: string } }>(
        checkIn,
        { id: registered.register.id },
        staff,
      ),
    );
    expect(checked.checkIn.status).toBe('ATTENDED');
    expect(failure(await t.gql(checkIn, { id: registered.register.id }, staff)).extensions?.reason).toBe(
      'REGISTRATION_ALREADY_CHECKED_IN',
    );
  });

  it('keeps invite-only events, drafts and closed registration windows closed to self-registration', async () => {
    const person = await createParticipant(t, staff);
    const token = await t.participantToken(person.id);
    const inviteOnly = await createPublishedEvent(t, organizer, { visibility: 'INVITE_ONLY' });
    // Not on its list, they are told no more than `event` tells them: there is no such event.
    const notListed = failure(await t.gql(REGISTER, { eventId: inviteOnly }, token));
    expect(notListed.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND' });
    const eventQuery = 'query($id: ID!) { event(id: $id) { title visibility } }';
    expect(failure(await t.gql(eventQuery, { id: inviteOnly }, token)).extensions?.code).toBe('NOT_FOUND');
    const invited = await createParticipant(t, staff);
    ok(
      await t.gql(
        'mutation($e: ID!, $p: ID!) { inviteParticipants(eventId: $e, participantIds: [$p]) { id } }',
        { e: inviteOnly, p: invited.id },
        organizer,
      ),
    );
    const accepted = await t.gql<Registered>(
      REGISTER,
      { eventId: inviteOnly },
      await t.participantToken(invited.id),
    );
    expect(ok(accepted).register.status).toBe('REGISTERED');
    const { register: seat } = ok(
      await t.gql<Registered>(REGISTER, { eventId: inviteOnly, participantId: person.id }, staff),
    );
    expect(
      ok(await t.gql<{ event: { visibility: string } }>(eventQuery, { id: inviteOnly }, token)).event
        .visibility,
    ).toBe('INVITE_ONLY');
    // On its list (here, having cancelled), they get the real answer.
    ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: seat.id }, token));
    expect(failure(await t.gql(REGISTER, { eventId: inviteOnly }, token)).extensions?.reason).toBe(
      'REGISTRATION_INVITE_ONLY',
    );
    const closedWindow = await createPublishedEvent(t, organizer, {
      registrationClosesAt: tokyoInDays(-1, '17:00'),
    });
    expect(failure(await t.gql(REGISTER, { eventId: closedWindow }, token)).extensions?.reason).toBe(
      'REGISTRATION_WINDOW_CLOSED',
    );
    const draft = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: 'BCP策定セミナー',
            onlineUrl: 'https://example.jp/webinar',
            startsAt: tokyoInDays(9, '14:00'),
            endsAt: tokyoInDays(9, '16:00'),
          },
        },
        organizer,
      ),
    );
    expect(failure(await t.gql(REGISTER, { eventId: draft.createEvent.id }, token)).extensions?.reason).toBe(
      'EVENT_NOT_FOUND',
    );
    expect(failure(await t.gql(REGISTER, { eventId: inviteOnly })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers staff of another organisation as on any event they do not run, and one they cannot see as missing', async () => {
    const cancel = 'mutation($id: ID!) { cancelRegistration(id: $id) { id } }';
    const published = await createPublishedEvent(t, organizer);
    const person = await createParticipant(t, staff);
    const { register: seat } = ok(
      await t.gql<Registered>(REGISTER, { eventId: published, participantId: person.id }, staff),
    );
    const refused = failure(await t.gql(cancel, { id: seat.id }, otherOrganizer));
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EVENT_NOT_MANAGED' });
    expect(refused.message).toBe('主催・共催していないイベントは操作できません');
    expect(await statuses(published)).toEqual({ REGISTERED: 1 });

    // At a draft they cannot see, the registration is as missing as one that never was.
    const { createEvent: draft } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: '事業承継セミナー（準備中）',
            venue: '城北信用金庫 本店',
            startsAt: tokyoInDays(20, '14:00'),
            endsAt: tokyoInDays(20, '16:00'),
          },
        },
        organizer,
      ),
    );
    const { register: drafted } = ok(
      await t.gql<Registered>(REGISTER, { eventId: draft.id, participantId: person.id }, staff),
    );
    const hidden = failure(await t.gql(cancel, { id: drafted.id }, otherOrganizer));
    const missingId = '00000000-0000-4000-8000-000000000000';
    const missing = failure(await t.gql(cancel, { id: missingId }, otherOrganizer));
    expect(hidden.extensions).toEqual(missing.extensions);
    expect(hidden.message.replace(drafted.id, '<id>')).toBe(missing.message.replace(missingId, '<id>'));
    expect(hidden.message).not.toContain(draft.id);
  });

  it("lists an event's registrations for its staff and exports them as CSV", async () => {
    const eventId = await createPublishedEvent(t, organizer, { capacity: 5 });
    const person = await createParticipant(t, staff, { name: '髙橋 健一', furigana: 'タカハシ ケンイチ' });
    ok(await t.gql(REGISTER, { eventId }, await t.participantToken(person.id)));
    const list = ok(
      await t.gql<{
        registrations: {
          totalCount: number;
          edges: { node: { participant: { name: string; email: string } } }[];
        };
      }>(
        'query($id: ID!) { registrations(eventId: $id) { totalCount edges { node { participant { name email } } } } }',
        { id: eventId },
        staff,
      ),
    );
    expect(list.registrations.edges[0].node.participant).toEqual({ name: '髙橋 健一', email: person.email });
    expect(
      failure(
        await t.gql(
          'query($id: ID!) { registrations(eventId: $id) { totalCount } }',
          { id: eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    const { text, bom } = await fetchCsv(t, `/exports/events/${eventId}/registrations.csv`, staff);
    expect(bom).toBe(true);
    expect(text.startsWith('氏名,フリガナ,事業者名')).toBe(true);
    expect(text).not.toMatch(/,(VISITOR|BUYER|SELLER),/);
    expect(text).toContain('髙橋 健一,タカハシ ケンイチ');
    expect(text).toContain('参加登録済');
  });

  it('lists a participant’s registrations with the event each is for, in their language and without staff-only data', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうほく ものづくり商談会',
      titleEn: 'Johoku Manufacturing Business Matching',
      venue: '城北信用金庫 本店 3階',
      venueEn: 'Johoku Shinkin Bank Head Office, 3F',
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const webinar = await createPublishedEvent(t, organizer, {
      kind: 'SEMINAR',
      title: '事業承継オンラインセミナー',
      venue: null,
      onlineUrl: 'https://meet.example.jp/shokei',
      capacity: 1,
    });
    const emma = await createParticipant(t, staff, { name: 'Emma Clarke', locale: 'en' });
    const kenji = await createParticipant(t, staff, { name: '中村 健司' });
    for (const eventId of [fair, webinar])
      ok(await t.gql(registerMutation(), { eventId, participantId: kenji.id }, organizer));
    for (const eventId of [fair, webinar])
      ok(await t.gql(registerMutation(), { eventId, participantId: emma.id }, organizer));
    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: fair }, organizer));

    const EVENT = 'id kind kindLabel title startsAt endsAt venue onlineUrl status statusLabel';
    const mine = async (id: string) =>
      ok(
        await t.gql<{ myRegistrations: Record<string, unknown>[] }>(
          `{ myRegistrations { eventId status statusLabel event { ${EVENT} } } }`,
          {},
          await t.participantToken(id),
        ),
      ).myRegistrations;
    // Newest first: the webinar, where the one seat went to 中村 and Emma waits; the fair, called off.
    expect(await mine(emma.id)).toEqual([
      {
        eventId: webinar,
        status: 'WAITLISTED',
        statusLabel: 'On the waiting list',
        event: {
          id: webinar,
          kind: 'SEMINAR',
          kindLabel: 'Seminar',
          // No English title given: the Japanese one.
          title: '事業承継オンラインセミナー',
          startsAt: expect.any(String),
          endsAt: expect.any(String),
          venue: null,
          onlineUrl: 'https://meet.example.jp/shokei',
          status: 'PUBLISHED',
          statusLabel: 'Upcoming',
        },
      },
      {
        eventId: fair,
        status: 'REGISTERED',
        statusLabel: 'Registered',
        event: {
          id: fair,
          kind: 'BUSINESS_MATCHING',
          kindLabel: 'Business matching',
          title: 'Johoku Manufacturing Business Matching',
          startsAt: expect.any(String),
          endsAt: expect.any(String),
          venue: 'Johoku Shinkin Bank Head Office, 3F',
          onlineUrl: null,
          status: 'CANCELLED',
          statusLabel: 'Cancelled',
        },
      },
    ]);
    const [seminar, matching] = await mine(kenji.id);
    expect(seminar).toMatchObject({
      statusLabel: '参加登録済',
      event: { kindLabel: 'セミナー', title: '事業承継オンラインセミナー', statusLabel: '開催予定' },
    });
    expect(matching.event).toMatchObject({
      kindLabel: '商談会',
      title: 'じょうほく ものづくり商談会',
      venue: '城北信用金庫 本店 3階',
      statusLabel: '中止',
    });
    // What only staff see of an event is not there to ask for.
    const staffOnly = await t.gql(
      '{ myRegistrations { event { capacity } } }',
      {},
      await t.participantToken(kenji.id),
    );
    expect(staffOnly.errors?.[0].message).toMatch(/Cannot query field "capacity"/);
    // Staff's lists of registrations do not carry it.
    const listed = ok(
      await t.gql<{ registrations: { edges: { node: { statusLabel: string; event: unknown } }[] } }>(
        'query($id: ID!) { registrations(eventId: $id) { edges { node { statusLabel event { id } } } } }',
        { id: webinar },
        staff,
      ),
    ).registrations.edges.map(({ node }) => node);
    expect(listed).toContainEqual({ statusLabel: 'キャンセル待ち', event: null });
  });
});
