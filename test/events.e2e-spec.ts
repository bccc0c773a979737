import { formatTokyoJapanese } from '../src/common/time/tokyo-time';
import { Role } from '../src/auth/actor';
import { fiscalYearOf } from '../src/common/japan/fiscal-year';
import { MeetingsService } from '../src/meetings/meetings.service';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  EVENT_FIELDS,
  moveEventEarlier,
  registerMutation,
  scheduleAndWait,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} organization { name } coHosts { name } } }`;

describe('events', () => {
  let t: TestApp;
  let admin: string;
  let financeOffice: string;
  let organizer: string;
  let staff: string;
  let coHostOrganizer: string;
  let strangerOrganizer: string;
  let coHostOrg: string;

  const base = () => ({
    kind: 'MINI_SALON',
    title: '東京活性化ミニサロン in 葛飾',
    venue: 'テクノプラザかつしか',
    startsAt: tokyoInDays(20, '18:00'),
    endsAt: tokyoInDays(20, '20:00'),
    capacity: 30,
    themes: ['事業承継', '事業承継 '],
  });
  const count = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    financeOffice = await createOrganization(t, admin, {
      name: '関東財務局東京財務事務所',
      kind: 'FINANCE_OFFICE',
      municipality: '東京都千代田区',
    });
    coHostOrg = await createOrganization(t, admin, { name: 'ものコト100', kind: 'BUSINESS_GROUP' });
    const stranger = await createOrganization(t, admin, {
      name: '尼崎市産業振興課',
      kind: 'MUNICIPALITY',
      municipality: '兵庫県尼崎市',
    });
    organizer = await staffSession(t, Role.ORGANIZER, financeOffice);
    staff = await staffSession(t, Role.STAFF, financeOffice);
    coHostOrganizer = await staffSession(t, Role.ORGANIZER, coHostOrg);
    strangerOrganizer = await staffSession(t, Role.ORGANIZER, stranger);
  });
  afterAll(() => t.close());

  it('creates a co-hosted mini-salon as a draft in the right fiscal year', async () => {
    const data = ok(
      await t.gql<{ createEvent: Record<string, unknown> }>(
        CREATE,
        { input: { ...base(), coHostIds: [coHostOrg] } },
        organizer,
      ),
    );
    const fiscalYear = fiscalYearOf(new Date(tokyoInDays(20, '18:00')));
    expect(data.createEvent).toMatchObject({
      kind: 'MINI_SALON',
      status: 'DRAFT',
      capacity: 30,
      fiscalYear,
      fiscalYearLabel: `令和${fiscalYear - 2018}年度`,
      startsAt: tokyoInDays(20, '18:00'),
      organization: { name: '関東財務局東京財務事務所' },
      coHosts: [{ name: 'ものコト100' }],
    });
  });

  it("lets a draft be dated in the past, so last year's events can be entered for the reports", async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(CREATE, { input: base() }, organizer),
    );
    const lastYear = { startsAt: tokyoInDays(-200, '18:00'), endsAt: tokyoInDays(-200, '20:00') };
    const moved = ok(
      await t.gql<{ updateEvent: { startsAt: string; status: string } }>(
        'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { startsAt status } }',
        { id: createEvent.id, input: lastYear },
        organizer,
      ),
    );
    expect(moved.updateEvent).toEqual({ startsAt: lastYear.startsAt, status: 'DRAFT' });
  });

  it.each([
    ['end before start', { endsAt: tokyoInDays(20, '17:00') }, 'endsAt'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['MINI_SALON with capacity 40', { capacity: 40 }, 'capacity'],
    ['no venue and no online URL', { venue: null }, 'venue'],
    [
      'registration closing after the event',
      { registrationClosesAt: tokyoInDays(21, '09:00') },
      'registrationClosesAt',
    ],
    ['the organiser as its own co-host', { coHostIds: ['self'] }, 'coHostIds'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, change, field) => {
    const before = await count();
    const input = { ...base(), ...change } as Record<string, unknown>;
    if (field === 'coHostIds') input.coHostIds = [financeOffice];
    const error = failure(await t.gql(CREATE, { input }, organizer));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it('refuses to create an event for another organisation instead of ignoring the organizationId', async () => {
    const before = await count();
    const error = failure(
      await t.gql(CREATE, { input: { ...base(), organizationId: coHostOrg } }, organizer),
    );
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'organizationId',
      reason: 'EVENT_OTHER_ORGANIZATION',
    });
    expect(await count()).toBe(before);
    // Naming one's own organisation is what leaving it out means.
    const own = ok(
      await t.gql<{ createEvent: { organization: { name: string } } }>(
        CREATE,
        { input: { ...base(), organizationId: financeOffice } },
        organizer,
      ),
    );
    expect(own.createEvent.organization.name).toBe('関東財務局東京財務事務所');
  });

  it('moves through the status table and refuses what the table does not allow', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        { input: { ...base(), kind: 'SALON', capacity: 80 } },
        organizer,
      ),
    );
    const id = createEvent.id;
    const act = (name: string, token = organizer) =>
      t.gql<Record<string, { status: string }>>(
        `mutation($id: ID!) { ${name}(id: $id) { status } }`,
        { id },
        token,
      );
    expect(failure(await act('closeEvent')).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVENT_INVALID_TRANSITION',
    });
    expect(ok(await act('publishEvent')).publishEvent.status).toBe('PUBLISHED');
    // A coming event cannot be closed: closed is final, and it would then count as held.
    const early = failure(await act('closeEvent'));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_NOT_STARTED', field: 'id' });
    expect(early.message).toBe(
      `開催前（${formatTokyoJapanese(new Date(tokyoInDays(20, '18:00')))} 開始）のイベントは終了にできません。取りやめる場合は中止にしてください`,
    );
    await moveEventEarlier(t, id, 21);
    expect(ok(await act('closeEvent')).closeEvent.status).toBe('CLOSED');
    expect(failure(await act('cancelEvent')).message).toBe('「終了」のイベントを「中止」にはできません');
    const update = failure(
      await t.gql(
        'mutation($id: ID!) { updateEvent(id: $id, input: { title: "変更" }) { id } }',
        { id },
        organizer,
      ),
    );
    expect(update.extensions?.reason).toBe('EVENT_NOT_EDITABLE');
  });

  it('lets the co-host manage the event, but not another organisation, a participant or anyone anonymous', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        { input: { ...base(), coHostIds: [coHostOrg] } },
        organizer,
      ),
    );
    const update =
      'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { title capacity themes } }';
    const input = { title: 'ミニサロン in 葛飾（事業承継）', capacity: 25, themes: ['事業承継', '税制'] };
    const byCoHost = ok(
      await t.gql<{ updateEvent: unknown }>(update, { id: createEvent.id, input }, coHostOrganizer),
    );
    expect(byCoHost.updateEvent).toEqual({ title: input.title, capacity: 25, themes: ['事業承継', '税制'] });
    // A draft is another organisation's to see as little as to change: it does not exist for them.
    expect(
      failure(await t.gql(update, { id: createEvent.id, input }, strangerOrganizer)).extensions?.code,
    ).toBe('NOT_FOUND');
    expect(failure(await t.gql(update, { id: createEvent.id, input }, staff)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    const participant = await createParticipant(t, staff);
    expect(
      failure(await t.gql(update, { id: createEvent.id, input }, await t.participantToken(participant.id)))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(failure(await t.gql(update, { id: createEvent.id, input })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const tooBig = failure(await t.gql(update, { id: createEvent.id, input: { capacity: 31 } }, organizer));
    expect(tooBig.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
  });

  it('changes the co-hosts as the organiser lists them, a co-host taken off included; a co-host cannot', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        { input: { ...base(), coHostIds: [coHostOrg] } },
        organizer,
      ),
    );
    const stranger = (
      await t.dataSource.query(`SELECT id FROM organizations WHERE name = '尼崎市産業振興課'`)
    )[0].id as string;
    const setCoHosts = (coHostIds: string[], token: string) =>
      t.gql<{ updateEvent: { coHosts: { name: string }[] } }>(
        'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { coHosts { name } } }',
        { id: createEvent.id, input: { coHostIds } },
        token,
      );
    const names = async (coHostIds: string[]) =>
      ok(await setCoHosts(coHostIds, organizer))
        .updateEvent.coHosts.map((host) => host.name)
        .sort();

    expect(await names([coHostOrg, stranger])).toEqual(['ものコト100', '尼崎市産業振興課'].sort());
    // The wrong organisation taken off again: it must lose the event, not keep it.
    expect(await names([coHostOrg])).toEqual(['ものコト100']);
    expect(
      failure(
        await t.gql(
          'query($id: ID!) { eventReport(eventId: $id) { event { id } } }',
          { id: createEvent.id },
          strangerOrganizer,
        ),
      ).extensions?.code,
    ).toBe('NOT_FOUND'); // a draft: not theirs to see

    // Who co-hosts decides who reads the participants: a co-host neither widens nor narrows it.
    for (const coHostIds of [[coHostOrg, stranger], []]) {
      expect(failure(await setCoHosts(coHostIds, coHostOrganizer)).extensions).toMatchObject({
        code: 'FORBIDDEN',
        field: 'coHostIds',
      });
    }
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM event_co_hosts WHERE event_id = $1',
      [createEvent.id],
    );
    expect(n).toBe(1);
    expect(await names([])).toEqual([]);
  });

  it('shows 残席 until the event ends, though staff have not closed it', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        { input: { ...base(), title: '葛飾ものづくりセミナー', capacity: 3 } },
        organizer,
      ),
    );
    const eventId = createEvent.id;
    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));
    const person = await createParticipant(t, organizer);
    ok(
      await t.gql(
        'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }',
        { e: eventId, p: person.id },
        organizer,
      ),
    );
    const seats = async () =>
      ok(
        await t.gql<{ event: { status: string; seatsLeft: number | null } }>(
          'query($id: ID!) { event(id: $id) { status seatsLeft } }',
          { id: eventId },
          organizer,
        ),
      ).event;
    expect(await seats()).toEqual({ status: 'PUBLISHED', seatsLeft: 2 });

    // Three days after it ended, still 公開中 as nobody closed it: no seat is left to take.
    await moveEventEarlier(t, eventId, 23);
    expect(await seats()).toEqual({ status: 'PUBLISHED', seatsLeft: null });
    const listed = ok(
      await t.gql<{ events: { edges: { node: { id: string; seatsLeft: number | null } }[] } }>(
        '{ events(first: 100) { edges { node { id seatsLeft } } } }',
        {},
        organizer,
      ),
    ).events.edges.find((edge) => edge.node.id === eventId);
    expect(listed?.node.seatsLeft).toBeNull();
  });

  it('adds matchmaking sessions inside the event, with tables or booths', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          input: {
            ...base(),
            kind: 'BUSINESS_MATCHING',
            title: 'しんきんビジネスマッチング大会',
            capacity: 120,
            startsAt: tokyoInDays(30, '09:30'),
            endsAt: tokyoInDays(30, '17:00'),
          },
        },
        organizer,
      ),
    );
    const add = `mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { name startsAt endsAt slotMinutes slotCount mode tableCount } } }`;
    const added = ok(
      await t.gql<{ addMatchmakingSession: { sessions: unknown[] } }>(
        add,
        {
          input: {
            eventId: createEvent.id,
            name: '午前の部',
            startsAt: tokyoInDays(30, '10:00'),
            slotMinutes: 20,
            slotCount: 8,
            tableCount: 30,
          },
        },
        organizer,
      ),
    );
    expect(added.addMatchmakingSession.sessions).toEqual([
      {
        name: '午前の部',
        startsAt: tokyoInDays(30, '10:00'),
        endsAt: tokyoInDays(30, '12:40'),
        slotMinutes: 20,
        slotCount: 8,
        mode: 'TABLES',
        tableCount: 30,
      },
    ]);
    const outside = failure(
      await t.gql(
        add,
        {
          input: {
            eventId: createEvent.id,
            startsAt: tokyoInDays(30, '16:00'),
            slotMinutes: 30,
            slotCount: 4,
            tableCount: 10,
          },
        },
        organizer,
      ),
    );
    // It ends at 18:00, after the event: the count of slots is what to change, and up to 2 fit.
    expect(outside.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slotCount' });
    expect(outside.message).toBe(
      '商談枠はイベントの開催時間内に収めてください（商談枠 16:00〜18:00、イベント 09:30〜17:00）。この開始時刻と枠の長さなら、枠数は 2 までです',
    );
    const early = failure(
      await t.gql(
        add,
        {
          input: {
            eventId: createEvent.id,
            startsAt: tokyoInDays(30, '09:00'),
            slotMinutes: 20,
            slotCount: 2,
            tableCount: 10,
          },
        },
        organizer,
      ),
    );
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    expect(early.message).toBe(
      '商談枠はイベントの開催時間内に収めてください（商談枠 09:00〜09:40、イベント 09:30〜17:00）',
    );
    const noTables = failure(
      await t.gql(
        add,
        {
          input: {
            eventId: createEvent.id,
            startsAt: tokyoInDays(30, '13:00'),
            slotMinutes: 30,
            slotCount: 4,
          },
        },
        organizer,
      ),
    );
    expect(noTables.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tableCount' });
    const booths = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { mode: string }[] } }>(
        add,
        {
          input: {
            eventId: createEvent.id,
            startsAt: tokyoInDays(30, '13:00'),
            slotMinutes: 30,
            slotCount: 6,
            mode: 'BOOTHS',
          },
        },
        organizer,
      ),
    );
    expect(booths.addMatchmakingSession.sessions.map((s) => s.mode)).toEqual(['TABLES', 'BOOTHS']);
  });

  it('refuses a matchmaking session that overlaps another, so nobody is booked twice at once', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          input: {
            ...base(),
            kind: 'BUSINESS_MATCHING',
            title: '夜の商談会',
            capacity: 40,
            startsAt: tokyoInDays(31, '18:00'),
            endsAt: tokyoInDays(31, '21:00'),
          },
        },
        organizer,
      ),
    );
    const add = `mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { name startsAt } } }`;
    const session = (name: string, time: string) => ({
      input: {
        eventId: createEvent.id,
        name,
        startsAt: tokyoInDays(31, time),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 1,
      },
    });
    ok(await t.gql(add, session('午前の部', '18:30'), organizer));

    const overlapping = failure(
      await t.gql(add, { input: { ...session('追加枠', '18:40').input, slotCount: 2 } }, organizer),
    );
    expect(overlapping.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
      reason: 'EVENT_SESSION_OVERLAP',
    });
    expect(overlapping.message).toContain('「午前の部」（18:30〜19:30）と重なっています');
    // Starting as the other ends is not an overlap.
    const next = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { name: string }[] } }>(
        add,
        session('後半の部', '19:30'),
        organizer,
      ),
    );
    expect(next.addMatchmakingSession.sessions.map((s) => s.name)).toEqual(['午前の部', '後半の部']);
    // Whoever writes, the database keeps the sessions apart.
    await expect(
      t.dataSource.query(
        `INSERT INTO matchmaking_sessions (event_id, starts_at, slot_minutes, slot_count, table_count)
         VALUES ($1, $2, 20, 2, 1)`,
        [createEvent.id, tokyoInDays(31, '18:40')],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });
  });

  it('names each matchmaking session once, and removes one added by mistake while no meeting is in it', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          input: {
            ...base(),
            kind: 'TRADE_FAIR',
            title: '葛飾ものづくり展示会',
            capacity: 40,
            startsAt: tokyoInDays(32, '10:00'),
            endsAt: tokyoInDays(32, '17:00'),
          },
        },
        organizer,
      ),
    );
    const eventId = createEvent.id;
    const add = `mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id name startsAt } } }`;
    type Sessions = { id: string; name: string; startsAt: string }[];
    const session = (name: string | undefined, time: string) => ({
      input: {
        eventId,
        name,
        startsAt: tokyoInDays(32, time),
        slotMinutes: 20,
        slotCount: 3,
        mode: 'BOOTHS',
      },
    });
    const [morning] = ok(
      await t.gql<{ addMatchmakingSession: { sessions: Sessions } }>(
        add,
        session('午前の部', '10:30'),
        organizer,
      ),
    ).addMatchmakingSession.sessions;
    expect(morning.name).toBe('午前の部');

    const blank = failure(await t.gql(add, session(' 　', '13:00'), organizer));
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(blank.message).toBe('枠の名前を入力してください');
    const twice = failure(await t.gql(add, session(' 午前の部　', '13:00'), organizer));
    expect(twice.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
      reason: 'EVENT_SESSION_NAME_TAKEN',
    });
    expect(twice.message).toBe(
      '同じ名前の商談枠「午前の部」（10:30〜11:30）がすでにあります。別の名前にしてください',
    );

    // Added at the wrong time, it is in the way of the real one until removed.
    const wrong = ok(
      await t.gql<{ addMatchmakingSession: { sessions: Sessions } }>(
        add,
        session('午後の部', '11:40'),
        organizer,
      ),
    ).addMatchmakingSession.sessions.find((s) => s.name === '午後の部')!;
    const remove = 'mutation($id: ID!) { removeMatchmakingSession(id: $id) { sessions { name } } }';
    // The event is a draft: to another organisation its 商談枠 is as missing as the event.
    expect(failure(await t.gql(remove, { id: wrong.id }, strangerOrganizer)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'EVENT_SESSION_NOT_FOUND',
    });
    expect(failure(await t.gql(remove, { id: wrong.id }, staff)).extensions?.code).toBe('FORBIDDEN');
    const removed = ok(
      await t.gql<{ removeMatchmakingSession: { sessions: { name: string }[] } }>(
        remove,
        { id: wrong.id },
        organizer,
      ),
    ).removeMatchmakingSession;
    expect(removed.sessions).toEqual([{ name: '午前の部' }]);
    expect(failure(await t.gql(remove, { id: wrong.id }, organizer)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    const afternoon = ok(
      await t.gql<{ addMatchmakingSession: { sessions: Sessions } }>(
        add,
        session('午後の部', '13:00'),
        organizer,
      ),
    ).addMatchmakingSession.sessions.find((s) => s.name === '午後の部')!;

    // One with a meeting in it stays, naming it and saying how many: those people were told to come then.
    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));
    const exhibitor = await createParticipant(t, organizer);
    const visitor = await createParticipant(t, organizer);
    const register =
      'mutation($e: ID!, $p: ID, $r: EventRole, $b: String) { register(eventId: $e, participantId: $p, role: $r, booth: $b) { id } }';
    ok(await t.gql(register, { e: eventId, p: exhibitor.id, r: 'EXHIBITOR', b: 'A-01' }, organizer));
    ok(await t.gql(register, { e: eventId, p: visitor.id }, organizer));
    const request = { id: await agreeMeeting(t, eventId, visitor.id, exhibitor.id) };
    const meeting = ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 1) { id } }',
        { r: request.id, s: morning.id },
        organizer,
      ),
    ).placeMeeting;
    const kept = failure(await t.gql(remove, { id: morning.id }, organizer));
    expect(kept.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVENT_SESSION_HAS_MEETINGS',
      field: 'id',
    });
    expect(kept.message).toBe(
      '商談枠「午前の部」（10:30〜11:30）には面談が1件入っているため削除できません。面談をほかの商談枠へ移してから、削除してください',
    );
    // Moved to another session, the meeting no longer holds this one.
    ok(
      await t.gql(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 0) { id } }',
        { id: meeting.id, s: afternoon.id },
        organizer,
      ),
    );
    expect(
      ok(
        await t.gql<{ removeMatchmakingSession: { sessions: { name: string }[] } }>(
          remove,
          { id: morning.id },
          organizer,
        ),
      ).removeMatchmakingSession.sessions,
    ).toEqual([{ name: '午後の部' }]);

    // Called off, the meeting is history (キャンセル in the reports, a line of the CSVs and of
    // exportMyData naming its 商談枠): the session goes, and the meeting stays in it.
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }',
        { id: request.id },
        organizer,
      ),
    );
    expect(
      ok(
        await t.gql<{ removeMatchmakingSession: { sessions: { name: string }[] } }>(
          remove,
          { id: afternoon.id },
          organizer,
        ),
      ).removeMatchmakingSession.sessions,
    ).toEqual([]);
    const [stored]: { status: string; session_id: string }[] = await t.dataSource.query(
      'SELECT status, session_id FROM meetings WHERE id = $1',
      [meeting.id],
    );
    expect(stored).toEqual({ status: 'CANCELLED', session_id: afternoon.id });
    const meetingNamed = async () =>
      ok(
        await t.gql<{ meeting: { status: string; sessionName: string; startsAt: string } }>(
          'query($id: ID!) { meeting(id: $id) { status sessionName startsAt } }',
          { id: meeting.id },
          organizer,
        ),
      ).meeting;
    expect(await meetingNamed()).toEqual({
      status: 'CANCELLED',
      sessionName: '午後の部',
      startsAt: tokyoInDays(32, '13:00'),
    });
    expect(failure(await t.gql(remove, { id: afternoon.id }, organizer)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'EVENT_SESSION_NOT_FOUND',
    });
    // Gone from the event: its name and its time are free for the session put in its place, and
    // editing the event (its sessions loaded, the removed one not) leaves the removed one be.
    const again = ok(
      await t.gql<{ addMatchmakingSession: { sessions: Sessions } }>(
        add,
        session('午後の部', '13:00'),
        organizer,
      ),
    ).addMatchmakingSession.sessions;
    expect(again.map(({ name }) => name)).toEqual(['午後の部']);
    expect(again[0].id).not.toBe(afternoon.id);
    await updateEvent(t, organizer, eventId, { title: '葛飾ものづくり展示会（第2回）' });
    expect(await meetingNamed()).toEqual({
      status: 'CANCELLED',
      sessionName: '午後の部',
      startsAt: tokyoInDays(32, '13:00'),
    });
  });

  it('schedules nobody into a removed matchmaking session, and keeps the meetings cancelled in it as history', async () => {
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          input: {
            ...base(),
            kind: 'TRADE_FAIR',
            title: '葛飾ものづくり商談会',
            capacity: 40,
            startsAt: tokyoInDays(33, '10:00'),
            endsAt: tokyoInDays(33, '17:00'),
          },
        },
        organizer,
      ),
    ).createEvent.id;
    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));
    const add = (name: string, time: string, slotCount: number) =>
      addMatchmakingSession(t, organizer, {
        eventId,
        name,
        startsAt: tokyoInDays(33, time),
        slotMinutes: 20,
        slotCount,
        tableCount: 1,
      });
    await add('午前の部', '10:00', 1);
    const afternoon = await add('午後の部', '13:00', 3);
    const people = [];
    for (let i = 0; i < 6; i++) {
      const person = await createParticipant(t, organizer);
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
      people.push(person);
    }
    const [a, b, c, d, e, f] = people;
    const calledOff = await agreeMeeting(t, eventId, a.id, b.id);
    const meeting = ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 1, table: "1") { id } }',
        { r: calledOff, s: afternoon },
        organizer,
      ),
    ).placeMeeting;
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }',
        { id: calledOff },
        organizer,
      ),
    );

    // Only a cancelled meeting in it: the session goes.
    expect(
      ok(
        await t.gql<{ removeMatchmakingSession: { sessions: { name: string }[] } }>(
          'mutation($id: ID!) { removeMatchmakingSession(id: $id) { sessions { name } } }',
          { id: afternoon },
          organizer,
        ),
      ).removeMatchmakingSession.sessions,
    ).toEqual([{ name: '午前の部' }]);
    expect(
      ok(
        await t.gql<{ event: { sessions: { name: string }[] } }>(
          'query($id: ID!) { event(id: $id) { sessions { name } } }',
          { id: eventId },
          organizer,
        ),
      ).event.sessions,
    ).toEqual([{ name: '午前の部' }]);

    // The scheduler has the one slot of 午前の部 left for two pairs: nobody goes to 午後の部.
    await agreeMeeting(t, eventId, c.id, d.id);
    await agreeMeeting(t, eventId, e.id, f.id);
    await scheduleAndWait(t, organizer, eventId);
    type Listed = { id: string; status: string; sessionName: string; table: string | null };
    const listed = async (includeCancelled: boolean) =>
      ok(
        await t.gql<{ meetings: { edges: { node: Listed }[] } }>(
          'query($e: ID!, $c: Boolean) { meetings(eventId: $e, includeCancelled: $c) { edges { node { id status sessionName table } } } }',
          { e: eventId, c: includeCancelled },
          organizer,
        ),
      ).meetings.edges.map(({ node }) => node);
    expect((await listed(false)).map(({ status, sessionName }) => ({ status, sessionName }))).toEqual([
      { status: 'SCHEDULED', sessionName: '午前の部' },
    ]);

    // The cancelled meeting stays, naming the removed session: staff's list, the reports, the
    // 面談一覧 CSV and the participant's own data.
    expect((await listed(true)).find(({ id }) => id === meeting.id)).toEqual({
      id: meeting.id,
      status: 'CANCELLED',
      sessionName: '午後の部',
      table: '1',
    });
    const report = ok(
      await t.gql<{
        eventReport: { meetings: { byStatus: { status: string; label: string; count: number }[] } };
      }>(
        'query($e: ID!) { eventReport(eventId: $e) { meetings { byStatus { status label count } } } }',
        { e: eventId },
        organizer,
      ),
    ).eventReport.meetings.byStatus;
    expect(report.find(({ status }) => status === 'CANCELLED')).toMatchObject({ count: 1 });
    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const line = sheet.lines.find((row) => row.includes(meeting.id))!;
    expect(line).toContain(',午後の部,2,テーブル 1,');
    expect(line).toContain(',中止,');
    const mine = ok(
      await t.gql<{
        exportMyData: { meetings: { sessionName: string; startsAt: string; status: string }[] };
      }>(
        'query { exportMyData { meetings { sessionName startsAt status } } }',
        {},
        await t.participantToken(a.id),
      ),
    ).exportMyData.meetings;
    expect(mine).toEqual([
      { sessionName: '午後の部', startsAt: tokyoInDays(33, '13:20'), status: 'CANCELLED' },
    ]);

    // A placement checked before the session was removed (a move, a freed slot, a placement by
    // hand racing the removal) is refused when it is written: the session's row is still there.
    const late = await agreeMeeting(t, eventId, a.id, c.id);
    await expect(
      t.dataSource.transaction((manager) =>
        t.app.get(MeetingsService).insertPlacements(
          manager,
          eventId,
          [
            {
              requestId: late,
              participantAId: a.id,
              participantBId: c.id,
              sessionId: afternoon,
              slotIndex: 2,
              tableLabel: '1',
              startsAt: new Date(tokyoInDays(33, '13:40')),
              endsAt: new Date(tokyoInDays(33, '14:00')),
            },
          ],
          null,
        ),
      ),
    ).rejects.toMatchObject({ code: 'MEETING_SESSION_NOT_IN_EVENT' });
  });

  it("lists an organisation's own and co-hosted events for staff, and public published ones for participants", async () => {
    const list = `query($filter: EventFilter) { events(filter: $filter, first: 50) { totalCount edges { node { title status } } } }`;
    type List = { events: { totalCount: number; edges: { node: { title: string; status: string } }[] } };
    const own = ok(await t.gql<List>(list, {}, staff));
    const coHosted = ok(await t.gql<List>(list, {}, coHostOrganizer));
    const stranger = ok(await t.gql<List>(list, {}, strangerOrganizer));
    expect(own.events.totalCount).toBeGreaterThanOrEqual(4);
    expect(coHosted.events.totalCount).toBe(2);
    expect(stranger.events.totalCount).toBe(0);
    const participant = await createParticipant(t, staff);
    const visible = ok(await t.gql<List>(list, {}, await t.participantToken(participant.id)));
    expect(visible.events.edges.every((edge) => ['PUBLISHED', 'CLOSED'].includes(edge.node.status))).toBe(
      true,
    );
    const drafts = ok(await t.gql<List>(list, { filter: { status: 'DRAFT' } }, organizer));
    expect(drafts.events.edges.every((edge) => edge.node.status === 'DRAFT')).toBe(true);
  });
});
