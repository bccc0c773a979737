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
import { createTestApp, ok, TestApp } from './support/test-app';

/** What an English reader must not find in anything the API writes for them. */
const JAPANESE_LABELS = [
  '出席',
  '参加登録済',
  'キャンセル',
  '予定',
  '実施',
  '承諾済み',
  '送信済',
  '商談中',
  '受発注',
  '商談のフォローアップ',
  '未完了',
  '検討中',
  '卸売業，小売業',
  '製造業',
  '提供できること',
  '関心テーマ',
  'たいとう ものづくり商談会',
  '台東区民会館',
  '台東支部',
];

/**
 * A participant whose locale is en (Daniel) reads the labels, the event titles and venues, the
 * organisations' and industries' names in English wherever the API writes them for him — the
 * answers of his own mutations, his profile, the people he is introduced to, the export of his
 * data — as his emails do; staff read the same rows in Japanese.
 */
describe('labels in the language of the participant who reads them', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let orgId: string;
  let eventId: string;
  let fullEventId: string;
  let sessionId: string;
  let daniel: { id: string; token: string };
  let hanako: { id: string; token: string };

  beforeAll(async () => {
    // No worker: the emails stay in the outbox, where the export finds them.
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    const admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '東京商工会議所 台東支部',
      nameEn: 'Tokyo Chamber of Commerce, Taito Branch',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    staff = await staffSession(t, Role.STAFF, orgId);

    const danielRow = await createParticipant(t, organizer, {
      name: 'Daniel Weber',
      furigana: 'ダニエル ウェーバー',
      locale: 'en',
      company: { name: 'Weber Import GmbH', industry: 'I' },
      offers: ['輸入商材'],
    });
    daniel = { id: danielRow.id, token: await t.participantToken(danielRow.id) };
    const hanakoRow = await createParticipant(t, organizer, {
      name: '山﨑 花子',
      furigana: 'ヤマザキ ハナコ',
      company: { name: '山﨑精機', industry: 'E', municipality: '東京都台東区' },
    });
    hanako = { id: hanakoRow.id, token: await t.participantToken(hanakoRow.id) };

    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'たいとう ものづくり商談会',
      titleEn: 'Taito Manufacturing Business Matching',
      venue: '台東区民会館 9階',
      venueEn: 'Taito Civic Hall, 9F',
      startsAt: tokyoInDays(10, '13:00'),
      endsAt: tokyoInDays(10, '17:00'),
    });
    sessionId = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            name: '午後の部',
            startsAt: tokyoInDays(10, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    ).addMatchmakingSession.sessions[0].id;
    fullEventId = await createPublishedEvent(t, organizer, {
      title: 'たいとう 交流サロン',
      titleEn: 'Taito Networking Salon',
      capacity: 1,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = async (token: string, id: string) =>
    ok(
      await t.gql<{ register: { id: string; status: string; statusLabel: string } }>(
        registerMutation('id status statusLabel'),
        { eventId: id },
        token,
      ),
    ).register;

  it('answers his register and cancelRegistration in English, as myRegistrations does', async () => {
    expect(await register(daniel.token, eventId)).toMatchObject({
      status: 'REGISTERED',
      statusLabel: 'Registered',
    });
    expect(await register(hanako.token, eventId)).toMatchObject({ statusLabel: '参加登録済' });

    // The salon for one: 花子 takes the seat, Daniel waits for one, then gives up.
    await register(hanako.token, fullEventId);
    const waiting = await register(daniel.token, fullEventId);
    expect(waiting).toMatchObject({ status: 'WAITLISTED', statusLabel: 'On the waiting list' });
    const cancelled = ok(
      await t.gql<{ cancelRegistration: { status: string; statusLabel: string } }>(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status statusLabel } }',
        { id: waiting.id },
        daniel.token,
      ),
    ).cancelRegistration;
    expect(cancelled).toEqual({ status: 'CANCELLED', statusLabel: 'Cancelled' });
    // Staff registering him read Japanese.
    const byStaff = ok(
      await t.gql<{ register: { statusLabel: string } }>(
        registerMutation('statusLabel'),
        { eventId: fullEventId, participantId: daniel.id },
        organizer,
      ),
    ).register;
    expect(byStaff.statusLabel).toBe('キャンセル待ち');
  });

  it('names the fiscal year of an event in English for him, in Japanese for staff and 花子', async () => {
    const query = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
      event(id: $id) { fiscalYear fiscalYearLabel }
      events { edges { node { id fiscalYearLabel } } }
      eventCalendar(from: $from, to: $to) { id fiscalYearLabel }
    }`;
    const variables = { id: eventId, from: tokyoInDays(0, '00:00'), to: tokyoInDays(30, '00:00') };
    type Read = {
      event: { fiscalYear: number; fiscalYearLabel: string };
      events: { edges: { node: { id: string; fiscalYearLabel: string } }[] };
      eventCalendar: { id: string; fiscalYearLabel: string }[];
    };
    const labels = (read: Read) => [
      read.event.fiscalYearLabel,
      read.events.edges.find(({ node }) => node.id === eventId)?.node.fiscalYearLabel,
      read.eventCalendar.find((node) => node.id === eventId)?.fiscalYearLabel,
    ];
    const his = ok(await t.gql<Read>(query, variables, daniel.token));
    const year = his.event.fiscalYear;
    expect(labels(his)).toEqual(Array(3).fill(`FY${year} (April ${year} – March ${year + 1})`));
    for (const token of [organizer, hanako.token])
      expect(labels(ok(await t.gql<Read>(query, variables, token)))).toEqual(
        Array(3).fill(`令和${year - 2018}年度`),
      );
  });

  it('names his industry and his profile changes in English for him, in Japanese for staff', async () => {
    ok(
      await t.gql(
        'mutation { updateMyProfile(input: { offers: ["輸入商材", "工作機械部品"], themes: ["海外展開"], kind: SME_OWNER }) { id } }',
        {},
        daniel.token,
      ),
    );
    const PROFILE =
      'company { industry industryName } profileChanges { fields { field label before after } }';
    type Profile = {
      company: { industry: string; industryName: string };
      profileChanges: { fields: { field: string; label: string; before: string; after: string }[] }[];
    };
    const mine = ok(
      await t.gql<{ me: { participant: Profile } }>(
        `{ me { participant { ${PROFILE} } } }`,
        {},
        daniel.token,
      ),
    ).me.participant;
    expect(mine.company).toEqual({ industry: 'I', industryName: 'wholesale and retail trade' });
    expect(mine.profileChanges[0].fields).toEqual(
      expect.arrayContaining([
        { field: 'offers', label: 'What you offer', before: '輸入商材', after: '輸入商材, 工作機械部品' },
        { field: 'themes', label: 'Themes', before: '', after: '海外展開' },
        { field: 'kind', label: 'Kind', before: 'Other', after: 'SME owner' },
      ]),
    );

    const staffView = ok(
      await t.gql<{ participant: Profile }>(
        `query($id: ID!) { participant(id: $id) { ${PROFILE} } }`,
        { id: daniel.id },
        staff,
      ),
    ).participant;
    expect(staffView.company.industryName).toBe('卸売業，小売業');
    expect(staffView.profileChanges[0].fields).toEqual(
      expect.arrayContaining([
        { field: 'offers', label: '提供できること', before: '輸入商材', after: '輸入商材、工作機械部品' },
        { field: 'themes', label: '関心テーマ', before: '', after: '海外展開' },
      ]),
    );
  });

  it('names the industry of the people he is introduced to and meets in English', async () => {
    const [run] = await t.dataSource.query(
      `INSERT INTO matching_runs (event_id, status) VALUES ($1, 'SUCCEEDED') RETURNING id`,
      [eventId],
    );
    await t.dataSource.query(
      `INSERT INTO suggestions (event_id, participant_id, suggested_participant_id, rank, score, reasons, run_id)
       VALUES ($1, $2, $3, 1, 0.8, '["They make machine parts"]', $4), ($1, $3, $2, 1, 0.8, '["輸入商材"]', $4)`,
      [eventId, daniel.id, hanako.id, run.id],
    );
    const suggestions = ok(
      await t.gql<{ mySuggestions: { suggested: { company: { industryName: string } } }[] }>(
        'query($e: ID!) { mySuggestions(eventId: $e) { suggested { company { industryName } } } }',
        { e: eventId },
        daniel.token,
      ),
    ).mySuggestions;
    expect(suggestions).toEqual([{ suggested: { company: { industryName: 'manufacturing' } } }]);
    // 花子 reads Daniel's in Japanese.
    const hers = ok(
      await t.gql<{ mySuggestions: { suggested: { company: { industryName: string } } }[] }>(
        'query($e: ID!) { mySuggestions(eventId: $e) { suggested { company { industryName } } } }',
        { e: eventId },
        hanako.token,
      ),
    ).mySuggestions;
    expect(hers).toEqual([{ suggested: { company: { industryName: '卸売業，小売業' } } }]);

    // They agree to meet; the meeting is placed and published: his agenda names her industry too.
    const requestId = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: hanako.id },
        daniel.token,
      ),
    ).requestMeeting.id;
    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
        { id: requestId },
        hanako.token,
      ),
    );
    ok(
      await t.gql(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { r: requestId, s: sessionId },
        organizer,
      ),
    );
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
    const agenda = ok(
      await t.gql<{ myAgenda: { meetings: { other: { company: { industryName: string } } }[] } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { meetings { other { company { industryName } } } } }',
        { e: eventId },
        daniel.token,
      ),
    ).myAgenda;
    expect(agenda.meetings).toEqual([{ other: { company: { industryName: 'manufacturing' } } }]);
  });

  it('answers his mini-salon request in English', async () => {
    const input = {
      organizationId: orgId,
      theme: '海外展開',
      area: '東京都台東区',
      preferredFrom: tokyoInDays(40, '00:00').slice(0, 10),
      preferredTo: tokyoInDays(70, '00:00').slice(0, 10),
      expectedParticipants: 8,
    };
    const requested = ok(
      await t.gql<{ requestMiniSalon: { statusLabel: string; organizationName: string } }>(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { statusLabel organizationName } }',
        { input },
        daniel.token,
      ),
    ).requestMiniSalon;
    expect(requested).toEqual({
      statusLabel: 'Under consideration',
      organizationName: 'Tokyo Chamber of Commerce, Taito Branch',
    });
    const LIST = '{ miniSalonRequests(first: 10) { edges { node { statusLabel organizationName } } } }';
    type List = {
      miniSalonRequests: { edges: { node: { statusLabel: string; organizationName: string } }[] };
    };
    expect(ok(await t.gql<List>(LIST, {}, daniel.token)).miniSalonRequests.edges[0].node).toEqual(requested);
    expect(ok(await t.gql<List>(LIST, {}, organizer)).miniSalonRequests.edges[0].node).toEqual({
      statusLabel: '検討中',
      organizationName: '東京商工会議所 台東支部',
    });
  });

  it('exports his data in English: labels, titles, venues, names of organisations and industries, and the json', async () => {
    // The day comes: they meet, and staff record a deal and a follow-up on it.
    await moveEventEarlier(t, eventId, 11);
    const [{ id: meetingId }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM meetings WHERE event_id = $1',
      [eventId],
    );
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: meetingId }, organizer));
    const [{ id: registrationId }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, daniel.id],
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { checkIn(registrationId: $id) { id } }',
        { id: registrationId },
        organizer,
      ),
    );
    const dealId = ok(
      await t.gql<{ recordDeal: { id: string } }>(
        'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
        {
          input: {
            meetingId,
            type: 'ORDER',
            title: '工作機械部品の輸入',
            amountYen: 800000,
            // Talks begun today, after yesterday's meeting: in this 年度 even on 1 April, when one
            // begun on the meeting's day would be in the year that ended and need a reason.
            startedOn: tokyoInDays(0, '00:00').slice(0, 10),
          },
        },
        staff,
      ),
    ).recordDeal.id;
    ok(
      await t.gql(
        'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
        { input: { dealId, dueOn: tokyoInDays(30, '00:00').slice(0, 10), notes: '見積もりの進み具合' } },
        staff,
      ),
    );
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, event_id, status, sent_at)
       VALUES ('labels-test-sent', 'invitation', $1, $2, 'SENT', now())`,
      [daniel.id, eventId],
    );

    const EVENT = 'event { title venue }';
    const data = ok(
      await t.gql<{ exportMyData: Record<string, unknown> & { json: string } }>(
        `{ exportMyData {
          profile { company { industryName } }
          profileChanges { fields { field label } }
          registrations { ${EVENT} statusLabel }
          meetingRequestsSent { ${EVENT} statusLabel }
          meetings { ${EVENT} statusLabel }
          suggestions { ${EVENT} }
          emails { ${EVENT} statusLabel }
          miniSalonRequests { organizationName statusLabel }
          deals { organizationName typeLabel stageLabel }
          followUps { organizationName kindLabel statusLabel }
          json } }`,
        {},
        daniel.token,
      ),
    ).exportMyData;
    const event = { title: 'Taito Manufacturing Business Matching', venue: 'Taito Civic Hall, 9F' };
    const organizationName = 'Tokyo Chamber of Commerce, Taito Branch';
    expect(data).toMatchObject({
      profile: { company: { industryName: 'wholesale and retail trade' } },
      registrations: expect.arrayContaining([
        { event, statusLabel: 'Attended' },
        {
          event: { title: 'Taito Networking Salon', venue: expect.any(String) },
          statusLabel: 'On the waiting list',
        },
      ]),
      meetingRequestsSent: [{ event, statusLabel: 'Accepted' }],
      meetings: [{ event, statusLabel: 'Held' }],
      suggestions: [{ event }],
      emails: expect.arrayContaining([{ event, statusLabel: 'Sent' }]),
      miniSalonRequests: [{ organizationName, statusLabel: 'Under consideration' }],
      deals: [{ organizationName, typeLabel: 'Orders', stageLabel: 'In negotiation' }],
      followUps: expect.arrayContaining([
        { organizationName, kindLabel: 'Follow-up on a deal', statusLabel: 'Open' },
      ]),
    });
    expect(data.profileChanges).toContainEqual({
      fields: expect.arrayContaining([
        { field: 'offers', label: 'What you offer' },
        { field: 'themes', label: 'Themes' },
      ]),
    });
    // The file says the same, in the same words.
    const json = JSON.parse(data.json) as Record<string, unknown>;
    expect(json).toMatchObject({
      registrations: expect.arrayContaining([expect.objectContaining({ statusLabel: 'Attended' })]),
      deals: [
        expect.objectContaining({ organizationName, typeLabel: 'Orders', stageLabel: 'In negotiation' }),
      ],
    });
    for (const label of JAPANESE_LABELS) expect(data.json).not.toContain(label);

    // 花子's export of the same rows stays Japanese.
    const hers = ok(
      await t.gql<{
        exportMyData: {
          registrations: { event: { title: string }; statusLabel: string }[];
          deals: { typeLabel: string; stageLabel: string; organizationName: string }[];
        };
      }>(
        '{ exportMyData { registrations { event { title } statusLabel } deals { typeLabel stageLabel organizationName } } }',
        {},
        hanako.token,
      ),
    ).exportMyData;
    expect(hers.registrations).toContainEqual({
      event: { title: 'たいとう ものづくり商談会' },
      statusLabel: '参加登録済',
    });
    expect(hers.deals).toEqual([
      { typeLabel: '受発注', stageLabel: '商談中', organizationName: '東京商工会議所 台東支部' },
    ]);
  });

  it('labels a request whose meeting staff called off as called off, not as withdrawn by him', async () => {
    const matchingId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'たいとう 商談会（秋）',
      titleEn: 'Taito Business Matching (autumn)',
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const autumnSession = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId: matchingId,
            name: '午後の部',
            startsAt: tokyoInDays(20, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    ).addMatchmakingSession.sessions[0].id;
    await register(daniel.token, matchingId);
    await register(hanako.token, matchingId);
    const requestId = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: matchingId, to: hanako.id },
        daniel.token,
      ),
    ).requestMeeting.id;
    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
        { id: requestId },
        hanako.token,
      ),
    );
    const meetingId = ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { r: requestId, s: autumnSession },
        organizer,
      ),
    ).placeMeeting.id;
    ok(await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id: meetingId }, organizer));

    type Export = {
      exportMyData: {
        meetingRequestsSent: { id: string; status: string; statusLabel: string }[];
        meetingRequestsReceived: { id: string; status: string; statusLabel: string }[];
        meetings: { id: string; statusLabel: string }[];
      };
    };
    const QUERY = `{ exportMyData {
      meetingRequestsSent { id status statusLabel }
      meetingRequestsReceived { id status statusLabel }
      meetings { id statusLabel } } }`;
    const his = ok(await t.gql<Export>(QUERY, {}, daniel.token)).exportMyData;
    expect(his.meetingRequestsSent).toContainEqual({
      id: requestId,
      status: 'CANCELLED',
      statusLabel: 'Called off',
    });
    expect(his.meetings).toContainEqual({ id: meetingId, statusLabel: 'Called off' });
    // 花子 reads the same rows in Japanese: 取消済み names nobody either.
    const hers = ok(await t.gql<Export>(QUERY, {}, hanako.token)).exportMyData;
    expect(hers.meetingRequestsReceived).toContainEqual({
      id: requestId,
      status: 'CANCELLED',
      statusLabel: '取消済み',
    });
    expect(hers.meetings).toContainEqual({ id: meetingId, statusLabel: '中止' });
  });
});
