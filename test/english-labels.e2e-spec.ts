import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

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
});
