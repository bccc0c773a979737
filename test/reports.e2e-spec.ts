import { Role } from '../src/auth/actor';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../src/common/japan/fiscal-year';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  moveEventTo,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';
import { correctingOrganization } from './support/deal-corrections';

const FISCAL_YEAR_REPORT = `query($org: ID!, $fy: Int!) {
  fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
    organization { name } fiscalYear label firstDay lastDay generatedAt
    events { total byKind { kind label count } }
    participation { registrations attended participants companies newCompanies companiesToDate }
    meetingRequests { total byStatus { status label count } agreed agreedRate unplaced }
    meetings { held noShow placed }
    deals {
      recorded won lost wonAmountYen wonWithoutAmount
      byType { type label recorded won lost wonAmountYen wonWithoutAmount }
    }
    followUps { due done open overdue }
  }
}`;

const EVENT_REPORT = `query($eventId: ID!) {
  eventReport(eventId: $eventId) {
    event { id title fiscalYear } generatedAt
    registrations { registrations total byStatus { status label count } }
    meetings { total byStatus { status label count } }
    deals { total won wonAmountYen wonWithoutAmount amountYen withoutAmount byStage { stage label count amountYen withoutAmount } }
    surveys { responses gainedOpportunities satisfactionAverage }
  }
}`;

type DealFigures = Record<'recorded' | 'won' | 'lost' | 'wonAmountYen' | 'wonWithoutAmount', number>;

/** The 集計の範囲 row of an ended year's 商談 figures. */
const BASIS_AFTER_YEAR_END =
  '対象,集計の範囲,商談,年度終了後に削除された商談を除き、変更された商談は変更後の値で、年度終了後に記録された商談も含めて数えた現在の値' +
  '（削除で減った分は「年度終了後の訂正（削除）」、変更で動いた分は「年度終了後の訂正（変更）」、記録で増えた分は「年度終了後の訂正（追加）」に記載）,';
interface FiscalYearReport {
  organization: { name: string };
  fiscalYear: number;
  label: string;
  firstDay: string;
  lastDay: string;
  generatedAt: string;
  events: { total: number; byKind: { kind: string; label: string; count: number }[] };
  participation: Record<
    'registrations' | 'attended' | 'participants' | 'companies' | 'newCompanies' | 'companiesToDate',
    number
  >;
  meetingRequests: {
    total: number;
    byStatus: { status: string; label: string; count: number }[];
    agreed: number;
    agreedRate: number | null;
    unplaced: number;
  };
  meetings: Record<'held' | 'noShow' | 'placed', number>;
  deals: DealFigures & { byType: (DealFigures & { type: string; label: string })[] };
  followUps: Record<'due' | 'done' | 'open' | 'overdue', number>;
}

/** 令和8年度 = 2026-04-01 … 2027-03-31; rows sit on both sides of both ends of it. */
describe('fiscal-year and event reports', () => {
  let t: TestApp;
  let admin: string;
  let orgA: string;
  let orgB: string;
  let organizerA: string;
  let staffA: string;
  let organizerB: string;
  let participantToken: string;
  let designer: { id: string; email: string };
  /** The salon on the year's first day (run by A) and the matching fair on its last (run by B, co-hosted by A). */
  let salonId: string;
  let fairId: string;
  /** Run by B alone: not A's. */
  let seminarOfB: string;

  const todayInTokyo = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

  const fiscalYearReport = (organizationId: string, fiscalYear: number, token: string) =>
    t.gql<{ fiscalYearReport: FiscalYearReport }>(
      FISCAL_YEAR_REPORT,
      { org: organizationId, fy: fiscalYear },
      token,
    );

  const register = async (eventId: string, participantId: string, token: string) =>
    ok(await t.gql<{ register: { id: string } }>(registerMutation(), { eventId, participantId }, token))
      .register.id;

  const mutate = async (query: string, variables: Record<string, unknown>, token: string) =>
    ok(await t.gql<Record<string, { id: string }>>(query, variables, token));

  const csv = (query: string, token?: string, path = '/exports/reports/fiscal-year.csv') =>
    fetchCsv(t, `${path}?${query}`, token);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    orgA = await createOrganization(t, admin, {
      name: '関東財務局東京財務事務所',
      kind: 'FINANCE_OFFICE',
      municipality: '東京都千代田区',
    });
    orgB = await createOrganization(t, admin, { name: '葛飾区商工会議所', municipality: '東京都葛飾区' });
    organizerA = await staffSession(t, Role.ORGANIZER, orgA);
    staffA = await staffSession(t, Role.STAFF, orgA);
    organizerB = await staffSession(t, Role.ORGANIZER, orgB);

    const katsushika = { name: '髙橋製作所', municipality: '東京都葛飾区' };
    const [p1, p2, p3, p4, p5, p6] = [
      await createParticipant(t, organizerA, {
        name: '髙橋 健一',
        furigana: 'タカハシ ケンイチ',
        company: katsushika,
      }),
      await createParticipant(t, organizerA, {
        name: '髙橋 美咲',
        furigana: 'タカハシ ミサキ',
        company: katsushika,
      }),
      await createParticipant(t, organizerA, {
        name: '山﨑 大輔',
        furigana: 'ヤマザキ ダイスケ',
        company: { name: '山﨑デザイン', municipality: '東京都墨田区' },
      }),
      await createParticipant(t, organizerA, { name: '佐藤 一郎', furigana: 'サトウ イチロウ' }),
      await createParticipant(t, organizerA, { name: '鈴木 花子', furigana: 'スズキ ハナコ' }),
      await createParticipant(t, organizerA, { name: '田中 三郎', furigana: 'タナカ サブロウ' }),
    ];
    participantToken = await t.participantToken(p1.id);
    designer = p3;

    // Counted for A in FY2026: a salon on the year's first day with two seats, one checked in.
    salonId = await createPublishedEvent(t, organizerA, {
      kind: 'SALON',
      title: '東京活性化サロン（事業承継）',
      startsAt: '2026-04-01T18:00:00+09:00',
      endsAt: '2026-04-01T20:30:00+09:00',
    });
    const salonSeat = await register(salonId, p1.id, organizerA);
    await register(salonId, p2.id, organizerA);
    await mutate('mutation($id: ID!) { checkIn(registrationId: $id) { id } }', { id: salonSeat }, organizerA);

    // Counted for A as co-host: B's matching fair. Meetings are requested while it lies ahead, then
    // it moves to a day of the year now past (requests at an event that has ended expire at once).
    fairId = await createPublishedEvent(t, organizerB, {
      kind: 'BUSINESS_MATCHING',
      title: 'かつしかビジネスマッチング商談会',
      startsAt: tokyoInDays(30, '13:00'),
      endsAt: tokyoInDays(30, '17:00'),
      capacity: 100,
      coHostIds: [orgA],
    });
    const sessionId = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId: fairId,
            startsAt: tokyoInDays(30, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizerB,
      ),
    ).addMatchmakingSession.sessions[0].id;
    await mutate(
      'mutation($eventId: ID!) { updateMeetingSettings(eventId: $eventId, input: { acceptanceMode: AUTO_ACCEPT }) { eventId } }',
      { eventId: fairId },
      organizerB,
    );
    const fairSeats: Record<string, string> = {};
    for (const person of [p1, p2, p3, p4, p5])
      fairSeats[person.id] = await register(fairId, person.id, organizerA);
    await mutate(
      'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
      { id: fairSeats[p5.id] },
      organizerA,
    );
    const meet = async (from: { id: string }, to: { id: string }, slot: number, table: string) => {
      const request = (
        await mutate(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId: fairId, to: to.id },
          await t.participantToken(from.id),
        )
      ).requestMeeting.id;
      return (
        await mutate(
          'mutation($r: ID!, $s: ID!, $slot: Int!, $table: String) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $slot, table: $table) { id } }',
          { r: request, s: sessionId, slot, table },
          organizerA,
        )
      ).placeMeeting.id;
    };
    const held = await meet(p1, p2, 0, '1');
    const missed = await meet(p3, p4, 0, '2');
    await meet(p1, p3, 1, '1'); // stays SCHEDULED: neither held nor a no-show
    // The day comes: check-in and the meetings' outcomes are recorded on it, not before.
    await moveEventEarlier(t, fairId, 31);
    await mutate(
      'mutation($id: ID!) { checkIn(registrationId: $id) { id } }',
      { id: fairSeats[p3.id] },
      organizerA,
    );
    await mutate('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: held }, organizerA);
    await mutate(
      'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { id } }',
      { id: missed, p: p4.id },
      organizerA,
    );
    await moveEventTo(t, fairId, '2026-11-30T13:00:00+09:00');

    // Not counted for A in FY2026; p6 is registered at each, so a leak would show in the figures.
    const nextYear = await createPublishedEvent(t, organizerA, {
      kind: 'SEMINAR',
      title: '事業承継セミナー',
      startsAt: '2027-04-01T10:00:00+09:00',
      endsAt: '2027-04-01T12:00:00+09:00',
    });
    const lastYear = await createPublishedEvent(t, organizerA, {
      kind: 'SALON',
      title: '東京活性化サロン（年度末）',
      startsAt: '2026-03-31T18:00:00+09:00',
      endsAt: '2026-03-31T20:00:00+09:00',
    });
    const draft = (
      await mutate(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'MINI_SALON',
            title: 'ミニサロン in 葛飾',
            venue: 'テクノプラザかつしか',
            startsAt: '2026-10-01T18:00:00+09:00',
            endsAt: '2026-10-01T20:00:00+09:00',
            capacity: 20,
          },
        },
        organizerA,
      )
    ).createEvent.id;
    const cancelled = await createPublishedEvent(t, organizerA, {
      kind: 'TRADE_FAIR',
      title: '産業フェア',
      startsAt: '2026-09-01T10:00:00+09:00',
      endsAt: '2026-09-01T17:00:00+09:00',
    });
    seminarOfB = await createPublishedEvent(t, organizerB, {
      kind: 'SEMINAR',
      title: 'DX勉強会',
      startsAt: '2026-06-01T18:00:00+09:00',
      endsAt: '2026-06-01T20:00:00+09:00',
    });
    for (const eventId of [nextYear, lastYear, draft, cancelled]) await register(eventId, p6.id, organizerA);
    // 髙橋製作所 took part the year before too: in FY2026 it counts, but not as 新規.
    await register(lastYear, p1.id, organizerA);
    await register(seminarOfB, p6.id, organizerB);
    await mutate('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: cancelled }, organizerA);

    // Deals, written straight to the table (recording them has its own API and tests).
    const deal = (
      org: string,
      type: string,
      stage: string,
      startedOn: string,
      closedOn: string | null,
      amountYen: number | null,
      eventId: string | null = null,
    ) =>
      t.dataSource.query(
        `INSERT INTO deals (organization_id, event_id, type, stage, title, amount_yen, started_on, closed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [org, eventId, type, stage, `${type} ${startedOn}`, amountYen, startedOn, closedOn],
      );
    await deal(orgA, 'ORDER', 'WON', '2026-04-01', '2026-06-30', 1_200_000, fairId); // recorded, won
    await deal(orgA, 'ORDER', 'WON', '2026-03-31', '2026-04-01', 800_000); // won only
    await deal(orgA, 'ORDER', 'WON', '2026-05-10', '2027-04-01', 5_000_000); // recorded only
    await deal(orgA, 'SUCCESSION', 'WON', '2026-07-01', '2027-03-31', null); // recorded, won without amount
    await deal(orgA, 'SUCCESSION', 'WON', '2026-09-01', '2026-10-15', 2_500_000_000); // past GraphQL's Int
    await deal(orgA, 'FINANCING', 'LOST', '2026-08-01', '2026-12-01', 3_000_000, fairId); // recorded, lost
    await deal(orgA, 'JOINT_DEVELOPMENT', 'NEGOTIATING', '2027-03-31', null, null, fairId); // recorded
    await deal(orgA, 'PARTNERSHIP', 'NEGOTIATING', '2027-04-01', null, null); // FY2027
    await deal(orgA, 'HIRING', 'LOST', '2025-10-01', '2026-03-31', null); // FY2025
    await deal(orgB, 'ORDER', 'WON', '2026-06-01', '2026-06-02', 9_999_999); // B's

    const followUp = (org: string, dueOn: string, doneAt: string | null) =>
      t.dataSource.query(
        'INSERT INTO follow_ups (organization_id, participant_id, due_on, done_at) VALUES ($1, $2, $3, $4)',
        [org, p1.id, dueOn, doneAt],
      );
    await followUp(orgA, '2026-04-01', '2026-03-31T15:30:00Z'); // due, done (00:30 on 4/1 in Tokyo)
    await followUp(orgA, '2026-03-31', '2026-03-31T14:30:00Z'); // FY2025 both ways (23:30 on 3/31)
    await followUp(orgA, '2026-05-15', null); // due, open, overdue
    await followUp(orgA, '2027-03-31', null); // due, open, overdue only after the year ends
    await followUp(orgA, '2027-04-01', null); // FY2027
    await followUp(orgA, '2026-03-01', '2026-08-01T01:00:00Z'); // done only
    await followUp(orgA, '2026-12-01', '2027-03-31T15:00:00Z'); // due; done on 4/1 in Tokyo: FY2027
    await followUp(orgB, '2026-06-01', null); // B's
  });
  afterAll(() => t.close());

  it('reports 令和8年度 for the organisation: events, participation, meetings, deals and follow-ups', async () => {
    const report = ok(await fiscalYearReport(orgA, 2026, staffA)).fiscalYearReport;
    expect(report).toMatchObject({
      organization: { name: '関東財務局東京財務事務所' },
      fiscalYear: 2026,
      label: '令和8年度',
      firstDay: '2026-04-01',
      lastDay: '2027-03-31',
    });
    expect(report.generatedAt).toMatch(/\+09:00$/);
    expect(report.events).toEqual({
      total: 2,
      byKind: [
        { kind: 'SALON', label: 'サロン', count: 1 },
        { kind: 'MINI_SALON', label: 'ミニサロン', count: 0 },
        { kind: 'TRADE_FAIR', label: '展示会', count: 0 },
        { kind: 'BUSINESS_MATCHING', label: '商談会', count: 1 },
        { kind: 'SEMINAR', label: 'セミナー', count: 0 },
      ],
    });
    // Salon: 髙橋×2 (one attended); fair: 髙橋×2, 山﨑 (attended), 佐藤 — 鈴木 cancelled. 山﨑デザイン
    // is the year's one new company: 髙橋製作所 came to the FY2025 salon.
    expect(report.participation).toEqual({
      registrations: 6,
      attended: 2,
      participants: 4,
      companies: 2,
      newCompanies: 1,
      companiesToDate: 2,
    });
    // The fair's three requests, agreed at once (AUTO_ACCEPT) and placed.
    expect(report.meetingRequests).toEqual({
      total: 3,
      byStatus: [
        { status: 'PENDING', label: '回答待ち', count: 0 },
        { status: 'ACCEPTED', label: '承諾済み', count: 3 },
        { status: 'DECLINED', label: '辞退済み', count: 0 },
        { status: 'EXPIRED', label: '期限切れ', count: 0 },
        { status: 'CANCELLED', label: '取消済み', count: 0 },
      ],
      agreed: 3,
      agreedRate: 100,
      unplaced: 0,
    });
    expect(report.meetings).toEqual({ held: 1, noShow: 1, placed: 3 });
    const zero = { recorded: 0, won: 0, lost: 0, wonAmountYen: 0, wonWithoutAmount: 0 };
    expect(report.deals).toEqual({
      recorded: 6,
      won: 4,
      lost: 1,
      wonAmountYen: 2_502_000_000,
      wonWithoutAmount: 1,
      byType: [
        {
          type: 'ORDER',
          label: '受発注',
          recorded: 2,
          won: 2,
          lost: 0,
          wonAmountYen: 2_000_000,
          wonWithoutAmount: 0,
        },
        { type: 'JOINT_DEVELOPMENT', label: '共同開発', ...zero, recorded: 1 },
        {
          type: 'SUCCESSION',
          label: '事業承継',
          recorded: 2,
          won: 2,
          lost: 0,
          wonAmountYen: 2_500_000_000,
          wonWithoutAmount: 1,
        },
        { type: 'HIRING', label: '採用', ...zero },
        { type: 'FINANCING', label: '融資', ...zero, recorded: 1, lost: 1 },
        { type: 'PARTNERSHIP', label: '業務提携', ...zero },
        { type: 'OTHER', label: 'その他', ...zero },
      ],
    });
    const overdue = ['2026-05-15', '2027-03-31'].filter((due) => due < todayInTokyo()).length;
    expect(report.followUps).toEqual({ due: 4, done: 2, open: 2, overdue });
  });

  it('adds up: every breakdown sums to its total', async () => {
    const report = ok(await fiscalYearReport(orgA, 2026, organizerA)).fiscalYearReport;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(report.events.byKind.map((kind) => kind.count))).toBe(report.events.total);
    for (const figure of ['recorded', 'won', 'lost', 'wonAmountYen', 'wonWithoutAmount'] as const) {
      expect(sum(report.deals.byType.map((type) => type[figure]))).toBe(report.deals[figure]);
    }
    expect(report.followUps.open).toBeLessThanOrEqual(report.followUps.due);
  });

  it('keeps a year’s 参加事業者数 when a participant later moves to another company', async () => {
    // 山﨑 took part for 山﨑デザイン; joining 髙橋製作所 now does not merge the two in FY2026.
    ok(
      await t.gql(
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
        {
          input: {
            email: designer.email,
            name: '山﨑 大輔',
            furigana: 'ヤマザキ ダイスケ',
            company: { name: '髙橋製作所', municipality: '東京都葛飾区' },
          },
        },
        organizerA,
      ),
    );
    const [moved]: { name: string }[] = await t.dataSource.query(
      'SELECT c.name FROM participants p JOIN companies c ON c.id = p.company_id WHERE p.id = $1',
      [designer.id],
    );
    expect(moved.name).toBe('髙橋製作所');
    const report = ok(await fiscalYearReport(orgA, 2026, staffA)).fiscalYearReport;
    expect(report.participation).toMatchObject({ participants: 4, companies: 2, newCompanies: 1 });

    // The 参加者名簿 names both: the company they are with now, whom staff call, and the one they
    // registered for, which the year counts: those of the year's seats make its 参加事業者数.
    const registeredFor = new Set<string>();
    for (const eventId of [salonId, fairId]) {
      const { lines } = await csv('', staffA, `/exports/events/${eventId}/registrations.csv`);
      const header = lines[0].split(',');
      const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
      expect(header.slice(0, 4)).toEqual(['氏名', 'フリガナ', '事業者名', '登録時の事業者名']);
      if (eventId === fairId)
        expect(
          lines
            .filter((line) => cell(line, '氏名') === '山﨑 大輔')
            .map((line) => [cell(line, '事業者名'), cell(line, '登録時の事業者名')]),
        ).toEqual([['髙橋製作所', '山﨑デザイン']]);
      for (const line of lines.slice(1))
        if (['参加登録済', '出席'].includes(cell(line, '状態')) && cell(line, '登録時の事業者名'))
          registeredFor.add(cell(line, '登録時の事業者名'));
    }
    expect(registeredFor.size).toBe(report.participation.companies);
  });

  it('puts each row in the year on its own side of the boundaries', async () => {
    const before = ok(await fiscalYearReport(orgA, 2025, organizerA)).fiscalYearReport;
    expect(before.label).toBe('令和7年度');
    expect(before.events.total).toBe(1);
    expect(before.participation).toEqual({
      registrations: 2,
      attended: 0,
      participants: 2,
      companies: 1,
      newCompanies: 1,
      companiesToDate: 1,
    });
    expect(before.deals).toMatchObject({ recorded: 2, won: 0, lost: 1, wonAmountYen: 0 });
    expect(before.followUps).toEqual({ due: 2, done: 1, open: 0, overdue: 0 });

    const after = ok(await fiscalYearReport(orgA, 2027, organizerA)).fiscalYearReport;
    // The FY2027 seminar counts from when it begins.
    const seminarBegun = Date.now() >= Date.parse('2027-04-01T10:00:00+09:00');
    expect(after.events).toMatchObject({ total: seminarBegun ? 1 : 0 });
    // No company at the FY2027 seminar; the 累計 carries the two of the years before.
    expect(after.participation).toMatchObject({ companies: 0, newCompanies: 0, companiesToDate: 2 });
    expect(after.deals).toMatchObject({ recorded: 1, won: 1, lost: 0, wonAmountYen: 5_000_000 });
    expect(after.followUps).toMatchObject({ due: 1, done: 1, open: 1 });

    // The co-hosted fair counts for its organiser too; A's deals and follow-ups do not.
    const ofB = ok(await fiscalYearReport(orgB, 2026, organizerB)).fiscalYearReport;
    expect(ofB.events.total).toBe(2);
    // 新規 is per organisation: B had no event the year before, so both fair companies are new to it.
    expect(ofB.participation).toMatchObject({ companies: 2, newCompanies: 2, companiesToDate: 2 });
    expect(ofB.deals).toMatchObject({ recorded: 1, won: 1, wonAmountYen: 9_999_999 });
    expect(ofB.followUps).toMatchObject({ due: 1, open: 1 });
  });

  it("refuses another organisation's staff, participants and anonymous callers; an admin reads any", async () => {
    expect(failure(await fiscalYearReport(orgA, 2026, organizerB)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'REPORT_NOT_YOUR_ORGANIZATION',
    });
    expect(failure(await fiscalYearReport(orgA, 2026, participantToken)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await fiscalYearReport(orgA, 2026, '')).extensions?.code).toBe('UNAUTHENTICATED');
    expect(ok(await fiscalYearReport(orgA, 2026, admin)).fiscalYearReport.events.total).toBe(2);
    expect(
      failure(await fiscalYearReport('00000000-0000-4000-8000-000000000000', 2026, admin)).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it.each([
    ['a year before 2000', { fy: 1999 }, 'fiscalYear'],
    ['a year after 2100', { fy: 2101 }, 'fiscalYear'],
    ['a malformed organisation id', { org: 'kanto-finance' }, 'organizationId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, change, field) => {
    const error = failure(await t.gql(FISCAL_YEAR_REPORT, { org: orgA, fy: 2026, ...change }, organizerA));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('reports one event to the staff who run or co-host it', async () => {
    const report = ok(
      await t.gql<{ eventReport: Record<string, unknown> }>(EVENT_REPORT, { eventId: fairId }, staffA),
    ).eventReport;
    expect(report.event).toEqual({ id: fairId, title: 'かつしかビジネスマッチング商談会', fiscalYear: 2026 });
    // 参加登録数 as the events list and the year count it (参加登録済・出席・欠席); every status apart.
    expect(report.registrations).toEqual({
      registrations: 4,
      total: 5,
      byStatus: [
        { status: 'INVITED', label: '招待中', count: 0 },
        { status: 'REGISTERED', label: '参加登録済', count: 3 },
        { status: 'WAITLISTED', label: 'キャンセル待ち', count: 0 },
        { status: 'DECLINED', label: '辞退', count: 0 },
        { status: 'CANCELLED', label: 'キャンセル', count: 1 },
        { status: 'ATTENDED', label: '出席', count: 1 },
        { status: 'NO_SHOW', label: '欠席', count: 0 },
      ],
    });
    // The year's two events add up to its 参加登録数（延べ）.
    const salon = ok(
      await t.gql<{ eventReport: { registrations: { registrations: number } } }>(
        EVENT_REPORT,
        { eventId: salonId },
        staffA,
      ),
    ).eventReport;
    const year = ok(await fiscalYearReport(orgA, 2026, staffA)).fiscalYearReport;
    expect(salon.registrations.registrations + 4).toBe(year.participation.registrations);
    expect(report.meetings).toEqual({
      total: 3,
      byStatus: [
        { status: 'SCHEDULED', label: '予定', count: 1 },
        { status: 'HELD', label: '実施', count: 1 },
        { status: 'NO_SHOW', label: '不参加あり', count: 1 },
        { status: 'CANCELLED', label: '中止', count: 0 },
      ],
    });
    expect(report.deals).toEqual({
      total: 3,
      // 成約 only, as the 年度 report counts it; the old all-stage sum is still there, deprecated.
      won: 1,
      wonAmountYen: 1_200_000,
      wonWithoutAmount: 0,
      amountYen: 4_200_000,
      withoutAmount: 1,
      byStage: [
        { stage: 'NEGOTIATING', label: '商談中', count: 1, amountYen: 0, withoutAmount: 1 },
        { stage: 'WON', label: '成約', count: 1, amountYen: 1_200_000, withoutAmount: 0 },
        { stage: 'LOST', label: '不成立', count: 1, amountYen: 3_000_000, withoutAmount: 0 },
      ],
    });

    expect(report.surveys).toEqual({ responses: 0, gainedOpportunities: 0, satisfactionAverage: null });

    // Two answers to the fair's アンケート, then the same report for Excel.
    await t.dataSource.query(
      `INSERT INTO survey_responses (registration_id, event_id, participant_id, gained_opportunities, satisfaction)
       SELECT id, event_id, participant_id, row_number() OVER (ORDER BY id) = 1, 3 + (row_number() OVER (ORDER BY id))::int
         FROM registrations WHERE event_id = $1 AND status IN ('REGISTERED', 'ATTENDED') ORDER BY id LIMIT 2`,
      [fairId],
    );
    const exported = await csv('', staffA, `/exports/events/${fairId}/report.csv`);
    expect({ status: exported.status, bom: exported.bom }).toEqual({ status: 200, bom: true });
    expect(exported.disposition).toContain(encodeURIComponent('かつしかビジネスマッチング商談会_実績.csv'));
    expect(exported.lines[0]).toBe('大項目,項目,内訳,値,単位');
    expect(exported.lines).toEqual(
      expect.arrayContaining([
        '対象,イベント,,かつしかビジネスマッチング商談会,',
        '対象,集計の範囲,商談,このイベントについて主催・共催の各団体が記録したもの,',
        '対象,集計の範囲,参加登録数,参加登録済・出席・欠席の登録（招待中・キャンセル待ち・キャンセル・辞退は含まない）,',
        '参加登録,参加登録数,,4,件',
        '参加登録,申込・招待の総数,合計,5,件',
        '参加登録,申込・招待の総数,出席,1,件',
        '面談,件数,合計,3,件',
        '面談,件数,実施,1,件',
        '商談,件数,成約,1,件',
        '商談,成約金額,,1200000,円',
        '商談,金額未入力の成約,,0,件',
        '商談,段階別の金額,成約,1200000,円',
        '商談,段階別の金額,不成立,3000000,円',
        '商談,段階別の金額未入力,商談中,1,件',
        'アンケート,回答数,,2,件',
        'アンケート,受注機会の拡大につながった,,1,件',
        'アンケート,受注機会の拡大につながった割合,,50,%',
        'アンケート,満足度の平均,,4.5,点（5点満点）',
      ]),
    );
    expect((await csv('', staffA, `/exports/events/${seminarOfB}/report.csv`)).status).toBe(403);

    const eventReport = (eventId: string, token: string) => t.gql(EVENT_REPORT, { eventId }, token);
    expect(failure(await eventReport(seminarOfB, staffA)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await eventReport(salonId, organizerB)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await eventReport('salon-1', staffA)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eventId',
    });
  });

  it('reports the 面談申込 of an event: made, agreed, declined, expired, cancelled, and the meetings placed', async () => {
    const eventId = await createPublishedEvent(t, organizerB, {
      kind: 'BUSINESS_MATCHING',
      title: 'かつしか受発注商談会',
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizerB, {
      eventId,
      startsAt: tokyoInDays(20, '14:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    const people = [];
    for (let i = 0; i < 6; i += 1) {
      const person = await createParticipant(t, organizerB);
      await register(eventId, person.id, organizerB);
      people.push(person);
    }
    const [a, b, c, d, e, f] = people;
    const ask = async (from: { id: string }, to: { id: string }) =>
      (
        await mutate(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId, to: to.id },
          await t.participantToken(from.id),
        )
      ).requestMeeting.id;
    const place = (requestId: string, slot: number) =>
      mutate(
        'mutation($r: ID!, $s: ID!, $slot: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $slot, table: "1") { id } }',
        { r: requestId, s: sessionId, slot },
        organizerB,
      );
    const cancel = (id: string) =>
      mutate('mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }', { id }, organizerB);

    await place(await agreeMeeting(t, eventId, a.id, b.id), 0); // agreed and placed
    const agreedThenOff = await agreeMeeting(t, eventId, e.id, f.id);
    await place(agreedThenOff, 1);
    await cancel(agreedThenOff); // agreed, then called off with its meeting
    // After that, so that the freed slot is not offered to it.
    await agreeMeeting(t, eventId, c.id, d.id); // agreed, no time yet
    await ask(a, c); // waiting
    const declined = await ask(a, d);
    await mutate(
      'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: false) { id } }',
      { id: declined },
      await t.participantToken(d.id),
    );
    await cancel(await ask(b, c)); // withdrawn before any answer
    // Past its 回答期限 and not yet swept: 期限切れ, as the list shows it.
    const lapsed = await ask(e, a);
    await t.dataSource.query(
      `UPDATE meeting_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [lapsed],
    );

    const { eventReport } = ok(
      await t.gql<{ eventReport: { meetingRequests: unknown; meetings: unknown } }>(
        `query($eventId: ID!) { eventReport(eventId: $eventId) {
          meetingRequests { total byStatus { status label count } agreed agreedRate unplaced }
          meetings { total placed byStatus { status count } }
        } }`,
        { eventId },
        organizerB,
      ),
    );
    expect(eventReport.meetingRequests).toEqual({
      total: 7,
      byStatus: [
        { status: 'PENDING', label: '回答待ち', count: 1 },
        { status: 'ACCEPTED', label: '承諾済み', count: 2 },
        { status: 'DECLINED', label: '辞退済み', count: 1 },
        { status: 'EXPIRED', label: '期限切れ', count: 1 },
        { status: 'CANCELLED', label: '取消済み', count: 2 },
      ],
      agreed: 3,
      agreedRate: 42.9,
      unplaced: 1,
    });
    expect(eventReport.meetings).toEqual({
      total: 2,
      placed: 1,
      byStatus: [
        { status: 'SCHEDULED', count: 1 },
        { status: 'HELD', count: 0 },
        { status: 'NO_SHOW', count: 0 },
        { status: 'CANCELLED', count: 1 },
      ],
    });

    const exported = await csv('', organizerB, `/exports/events/${eventId}/report.csv`);
    expect(exported.lines).toEqual(
      expect.arrayContaining([
        '面談申込,申込数,合計,7,件',
        '面談申込,申込数,承諾済み,2,件',
        '面談申込,申込数,期限切れ,1,件',
        '面談申込,面談成立（承諾後の取消を含む）,,3,件',
        '面談申込,面談成立率（申込数のうち）,,42.9,%',
        '面談申込,承諾済みで面談未配置,,1,件',
        '面談,配置済み（中止を除く）,,1,件',
      ]),
    );
  });

  it('adds up the 面談申込 and meetings placed of the year’s events to the year’s, each in its event’s year', async () => {
    // A 信用金庫's 商談会, three times: March 2025 (令和6年度), then April and October 2025 (令和7年度).
    const orgC = await createOrganization(t, admin, {
      name: '青梅信用金庫',
      kind: 'FINANCIAL_INSTITUTION',
      municipality: '東京都青梅市',
    });
    const organizerC = await staffSession(t, Role.ORGANIZER, orgC);
    const people: { id: string }[] = [];
    for (let i = 0; i < 6; i += 1) people.push(await createParticipant(t, organizerC));
    const [a, b, c, d, e, f] = people;

    /** A 商談会 set up while it lies ahead, with its 面談申込 made and answered, then moved to `startsAt`. */
    const matchingFair = async (
      startsAt: string,
      requests: (at: {
        ask: (from: { id: string }, to: { id: string }) => Promise<string>;
        agree: (from: { id: string }, to: { id: string }) => Promise<string>;
        place: (requestId: string, slot: number) => Promise<unknown>;
        cancel: (requestId: string) => Promise<unknown>;
        decline: (requestId: string, by: { id: string }) => Promise<unknown>;
        lapse: (requestId: string) => Promise<unknown>;
      }) => Promise<void>,
    ) => {
      const eventId = await createPublishedEvent(t, organizerC, {
        kind: 'BUSINESS_MATCHING',
        title: `あおしんビジネスマッチング大会（${startsAt.slice(0, 7)}）`,
        startsAt: tokyoInDays(20, '13:00'),
        endsAt: tokyoInDays(20, '17:00'),
      });
      const sessionId = await addMatchmakingSession(t, organizerC, {
        eventId,
        startsAt: tokyoInDays(20, '14:00'),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 2,
      });
      for (const person of people) await register(eventId, person.id, organizerC);
      await requests({
        ask: async (from, to) =>
          (
            await mutate(
              'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
              { eventId, to: to.id },
              await t.participantToken(from.id),
            )
          ).requestMeeting.id,
        agree: (from, to) => agreeMeeting(t, eventId, from.id, to.id),
        place: (requestId, slot) =>
          mutate(
            'mutation($r: ID!, $s: ID!, $slot: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $slot, table: "1") { id } }',
            { r: requestId, s: sessionId, slot },
            organizerC,
          ),
        cancel: (id) =>
          mutate('mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }', { id }, organizerC),
        decline: async (id, by) =>
          mutate(
            'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: false) { id } }',
            { id },
            await t.participantToken(by.id),
          ),
        // Past its 回答期限 and not yet swept: 期限切れ in both reports, as the list shows it.
        lapse: (id) =>
          t.dataSource.query(
            `UPDATE meeting_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`,
            [id],
          ),
      });
      await moveEventTo(t, eventId, startsAt);
      return eventId;
    };

    const march = await matchingFair('2025-03-19T13:00:00+09:00', async ({ ask, agree, place }) => {
      await place(await agree(a, b), 0);
      await ask(c, d); // waiting
    });
    let madeInMarch = '';
    const april = await matchingFair('2025-04-16T13:00:00+09:00', async (at) => {
      madeInMarch = await at.agree(a, b);
      await at.place(madeInMarch, 0);
      await at.agree(c, d); // no time yet
      await at.ask(a, c); // waiting
      await at.decline(await at.ask(b, d), d);
      await at.lapse(await at.ask(e, a));
      await at.cancel(await at.ask(f, b)); // withdrawn before any answer
    });
    // Asked before the year began, for an event in it: the request counts in its event's year.
    await t.dataSource.query(
      `UPDATE meeting_requests SET created_at = '2025-03-10T10:00:00+09:00', responded_at = '2025-03-11T10:00:00+09:00'
        WHERE id = $1`,
      [madeInMarch],
    );
    const october = await matchingFair(
      '2025-10-22T13:00:00+09:00',
      async ({ agree, place, cancel, decline, ask }) => {
        const calledOff = await agree(a, b);
        await place(calledOff, 0);
        await cancel(calledOff); // agreed, then called off with its meeting
        await place(await agree(c, d), 1);
        await decline(await ask(e, f), f);
      },
    );

    const FIGURES = `meetingRequests { total byStatus { status label count } agreed agreedRate unplaced } meetings { placed }`;
    interface Figures {
      meetingRequests: {
        total: number;
        byStatus: { status: string; label: string; count: number }[];
        agreed: number;
        agreedRate: number | null;
        unplaced: number;
      };
      meetings: { placed: number };
    }
    const ofEvent = async (eventId: string) =>
      ok(
        await t.gql<{ eventReport: Figures }>(
          `query($eventId: ID!) { eventReport(eventId: $eventId) { ${FIGURES} } }`,
          { eventId },
          organizerC,
        ),
      ).eventReport;
    const ofYear = async (fiscalYear: number) =>
      ok(
        await t.gql<{ fiscalYearReport: Figures }>(
          `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) { ${FIGURES} } }`,
          { org: orgC, fy: fiscalYear },
          organizerC,
        ),
      ).fiscalYearReport;
    /** The events' figures added up, the rate computed again from the sums. */
    const added = (events: Figures[]): Figures => {
      const sum = (figure: (report: Figures) => number) =>
        events.reduce((total, report) => total + figure(report), 0);
      const total = sum((report) => report.meetingRequests.total);
      const agreed = sum((report) => report.meetingRequests.agreed);
      return {
        meetingRequests: {
          total,
          byStatus: events[0].meetingRequests.byStatus.map(({ status, label }) => ({
            status,
            label,
            count: sum(
              (report) => report.meetingRequests.byStatus.find((row) => row.status === status)!.count,
            ),
          })),
          agreed,
          agreedRate: total === 0 ? null : Math.round((agreed / total) * 1000) / 10,
          unplaced: sum((report) => report.meetingRequests.unplaced),
        },
        meetings: { placed: sum((report) => report.meetings.placed) },
      };
    };

    const [ofMarch, ofApril, ofOctober] = [
      await ofEvent(march),
      await ofEvent(april),
      await ofEvent(october),
    ];
    const year = await ofYear(2025);
    expect(year).toEqual(added([ofApril, ofOctober]));
    expect(year).toEqual({
      meetingRequests: {
        total: 9,
        byStatus: [
          { status: 'PENDING', label: '回答待ち', count: 1 },
          { status: 'ACCEPTED', label: '承諾済み', count: 3 },
          { status: 'DECLINED', label: '辞退済み', count: 2 },
          { status: 'EXPIRED', label: '期限切れ', count: 1 },
          { status: 'CANCELLED', label: '取消済み', count: 2 },
        ],
        agreed: 4,
        agreedRate: 44.4,
        unplaced: 1,
      },
      meetings: { placed: 2 },
    });
    // 令和6年度 has its March 商談会 only, not the request made that March for April.
    const before = await ofYear(2024);
    expect(before).toEqual(added([ofMarch]));
    expect(before.meetingRequests).toMatchObject({ total: 2, agreed: 1, agreedRate: 50, unplaced: 0 });
    expect(before.meetings).toEqual({ placed: 1 });

    // The CSV has the same rows as the events' CSVs, adding up the same way.
    const { lines } = await csv(`organizationId=${orgC}&fiscalYear=2025`, organizerC);
    const eventLines = [
      ...(await csv('', organizerC, `/exports/events/${april}/report.csv`)).lines,
      ...(await csv('', organizerC, `/exports/events/${october}/report.csv`)).lines,
    ];
    const rowsOf = (all: string[]) => all.filter((line) => /^面談申込,|^面談,配置済み/.test(line));
    expect(rowsOf(lines)).toEqual([
      '面談申込,申込数,合計,9,件',
      '面談申込,申込数,回答待ち,1,件',
      '面談申込,申込数,承諾済み,3,件',
      '面談申込,申込数,辞退済み,2,件',
      '面談申込,申込数,期限切れ,1,件',
      '面談申込,申込数,取消済み,2,件',
      '面談申込,面談成立（承諾後の取消を含む）,,4,件',
      '面談申込,面談成立率（申込数のうち）,,44.4,%',
      '面談申込,承諾済みで面談未配置,,1,件',
      '面談,配置済み（中止を除く）,,2,件',
    ]);
    for (const line of rowsOf(lines).filter((row) => !row.endsWith(',%'))) {
      const key = line.split(',').slice(0, 3).join(',');
      const ofEvents = eventLines.filter((row) => row.startsWith(`${key},`));
      expect(ofEvents).toHaveLength(2);
      expect(ofEvents.reduce((total, row) => total + Number(row.split(',')[3]), 0)).toBe(
        Number(line.split(',')[3]),
      );
    }
  });

  it('exports the year as CSV for Excel: BOM, Japanese headers, one row per figure', async () => {
    const { status, bom, disposition, lines } = await csv(`organizationId=${orgA}&fiscalYear=2026`, staffA);
    expect({ status, bom }).toEqual({ status: 200, bom: true });
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('関東財務局東京財務事務所_令和8年度_実績報告.csv')}`,
    );
    // 大項目, not 区分: pasted beside the participant list, 区分 is a participant's kind (後継者 …).
    expect(lines[0]).toBe('大項目,項目,内訳,値,単位');
    expect(lines).toEqual(
      expect.arrayContaining([
        '対象,団体,,関東財務局東京財務事務所,',
        '対象,年度,,令和8年度（2026年度）,',
        '対象,期間,,2026-04-01〜2027-03-31,',
        '対象,集計の範囲,イベント・参加・面談申込・面談・アンケート,年度内に開催した（集計時点で開始済みの）主催・共催のイベント（下書き・中止を除く）,',
        '対象,集計の範囲,商談・フォローアップ,自団体のスタッフが記録したもの（共催イベントで他団体が記録した商談は含まない）,',
        'イベント,開催イベント数,合計,2,件',
        'イベント,開催イベント数,商談会,1,件',
        'イベント,開催イベント数,ミニサロン,0,件',
        '対象,集計の範囲,参加登録数,参加登録済・出席・欠席の登録（招待中・キャンセル待ち・キャンセル・辞退は含まない）,',
        '参加,参加登録数（延べ）,,6,件',
        '参加,参加者数（実人数）,,4,人',
        '参加,参加事業者数,,2,社',
        '参加,うち新規参加事業者数,,1,社',
        '参加,参加事業者数の累計,,2,社',
        '面談申込,申込数,合計,3,件',
        '面談申込,面談成立（承諾後の取消を含む）,,3,件',
        '面談申込,面談成立率（申込数のうち）,,100,%',
        '面談,実施,,1,件',
        '面談,不参加あり,,1,件',
        '面談,配置済み（中止を除く）,,3,件',
        '商談,新規商談数,合計,6,件',
        '商談,成約件数,受発注,2,件',
        '商談,成約金額,合計,2502000000,円',
        '商談,成約金額,事業承継,2500000000,円',
        '商談,金額未入力の成約,合計,1,件',
        'フォローアップ,期限が年度内,,4,件',
        'フォローアップ,年度内に完了,,2,件',
      ]),
    );
    // The rows under each 合計 add up to it, as in the GraphQL report.
    const amounts = lines.filter((line) => line.startsWith('商談,成約金額,') && !line.includes(',合計,'));
    expect(amounts).toHaveLength(7);
    expect(amounts.reduce((total, line) => total + Number(line.split(',')[3]), 0)).toBe(2_502_000_000);
  });

  it('applies the same rules to the CSV: other organisations refused, bad input named', async () => {
    expect((await csv(`organizationId=${orgA}&fiscalYear=2026`, organizerB)).status).toBe(403);
    expect((await csv(`organizationId=${orgA}&fiscalYear=2026`)).status).toBe(401);
    for (const [query, field] of [
      [`organizationId=${orgA}&fiscalYear=R8`, 'fiscalYear'],
      [`organizationId=${orgA}&fiscalYear=1999`, 'fiscalYear'],
      [`organizationId=${orgA}`, 'fiscalYear'],
      ['organizationId=kanto&fiscalYear=2026', 'organizationId'],
    ]) {
      const { status, text } = await csv(query, organizerA);
      expect(status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ error: 'BAD_USER_INPUT', field });
    }
  });

  describe('年度目標', () => {
    interface TargetRow {
      metric: string;
      label: string;
      unit: string;
      target: number;
      actual: number;
      achievementRate: number | null;
    }
    const setTargets = (
      organizationId: string,
      fiscalYear: number,
      targets: { metric: string; target: number | null }[],
      token: string,
    ) =>
      t.gql<{ setFiscalYearTargets: { targets: TargetRow[] } }>(
        `mutation($org: ID!, $fy: Int!, $targets: [FiscalYearTargetInput!]!) {
           setFiscalYearTargets(organizationId: $org, fiscalYear: $fy, targets: $targets) {
             targets { metric label unit target actual achievementRate }
           }
         }`,
        { org: organizationId, fy: fiscalYear, targets },
        token,
      );
    const targetsOf = async (organizationId: string, fiscalYear: number, token: string) =>
      ok(
        await t.gql<{ fiscalYearReport: { targets: TargetRow[] } }>(
          `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
             targets { metric label unit target actual achievementRate } } }`,
          { org: organizationId, fy: fiscalYear },
          token,
        ),
      ).fiscalYearReport.targets;

    it('sets the year’s targets and shows each beside its 実績 with the 達成率, in the report’s order', async () => {
      const set = ok(
        await setTargets(
          orgA,
          2026,
          [
            { metric: 'DEALS_WON', target: 4 },
            { metric: 'FOLLOW_UPS_DONE', target: 0 },
            { metric: 'EVENTS', target: 4 },
            { metric: 'PARTICIPANTS', target: 8 },
            { metric: 'NEW_COMPANIES', target: 3 },
            { metric: 'WON_AMOUNT', target: 300_000 },
          ],
          organizerA,
        ),
      ).setFiscalYearTargets.targets;
      expect(set).toEqual([
        { metric: 'EVENTS', label: '開催イベント数', unit: '件', target: 4, actual: 2, achievementRate: 50 },
        {
          metric: 'PARTICIPANTS',
          label: '参加者数（実人数）',
          unit: '人',
          target: 8,
          actual: 4,
          achievementRate: 50,
        },
        {
          metric: 'NEW_COMPANIES',
          label: '新規参加事業者数',
          unit: '社',
          target: 3,
          actual: 1,
          achievementRate: 33.3,
        },
        { metric: 'DEALS_WON', label: '成約件数', unit: '件', target: 4, actual: 4, achievementRate: 100 },
        // 2,502,000,000円 is 250,200万円 (万円未満切り捨て).
        {
          metric: 'WON_AMOUNT',
          label: '成約金額',
          unit: '万円',
          target: 300_000,
          actual: 250_200,
          achievementRate: 83.4,
        },
        {
          metric: 'FOLLOW_UPS_DONE',
          label: 'フォローアップの実施（年度内に完了）',
          unit: '件',
          target: 0,
          actual: 2,
          achievementRate: null,
        },
      ]);

      // A number replaces a target, null removes one, a metric not named keeps its own.
      ok(
        await setTargets(
          orgA,
          2026,
          [
            { metric: 'DEALS_WON', target: 6 },
            { metric: 'EVENTS', target: null },
          ],
          organizerA,
        ),
      );
      const now = await targetsOf(orgA, 2026, staffA);
      expect(now.map((row) => [row.metric, row.target, row.achievementRate])).toEqual([
        ['PARTICIPANTS', 8, 50],
        ['NEW_COMPANIES', 3, 33.3],
        ['DEALS_WON', 6, 66.7],
        ['WON_AMOUNT', 300_000, 83.4],
        ['FOLLOW_UPS_DONE', 0, null],
      ]);
      // Each year has its own; another organisation's report has none of them.
      expect(await targetsOf(orgA, 2027, staffA)).toEqual([]);
      expect(await targetsOf(orgB, 2026, organizerB)).toEqual([]);
    });

    it('is set by the organisation’s 主催者 or an admin only', async () => {
      const attempt = [{ metric: 'DEALS_WON', target: 100 }];
      expect(failure(await setTargets(orgA, 2026, attempt, staffA)).extensions?.code).toBe('FORBIDDEN');
      const otherOrganizer = failure(await setTargets(orgA, 2026, attempt, organizerB));
      expect(otherOrganizer.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'REPORT_NOT_YOUR_ORGANIZATION',
      });
      expect(otherOrganizer.message).toBe(
        '自団体以外の年度目標は設定できません。その団体のスタッフか管理者が設定します',
      );
      expect(failure(await setTargets(orgA, 2026, attempt, participantToken)).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await targetsOf(orgA, 2026, admin)).find((row) => row.metric === 'DEALS_WON')?.target).toBe(6);
      ok(await setTargets(orgB, 2026, [{ metric: 'EVENTS', target: 12 }], admin));
      expect(await targetsOf(orgB, 2026, organizerB)).toMatchObject([{ metric: 'EVENTS', target: 12 }]);
    });

    it('refuses bad targets naming the field, and changes none of them', async () => {
      const before = await targetsOf(orgA, 2026, organizerA);
      const refusal = async (targets: { metric: string; target: number | null }[]) =>
        failure(await setTargets(orgA, 2026, targets, organizerA));
      const negative = await refusal([
        { metric: 'PARTICIPANTS', target: 10 },
        { metric: 'DEALS_WON', target: -1 },
      ]);
      expect(negative.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targets.1.target' });
      expect(negative.message).toContain('目標値は 0 以上で入力してください');
      // A fraction, refused by GraphQL's Int: the item named by its place, as staff count.
      const fraction = await refusal([{ metric: 'PARTICIPANTS', target: 1.5 }]);
      expect(fraction.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targets.0.target' });
      expect(fraction.message).toMatch(/^目標の1件目の目標値は/);
      const repeated = await refusal([
        { metric: 'PARTICIPANTS', target: 10 },
        { metric: 'PARTICIPANTS', target: 20 },
      ]);
      expect(repeated.extensions).toMatchObject({ field: 'targets', reason: 'REPORT_TARGET_REPEATED' });
      expect(repeated.message).toBe(
        '「参加者数（実人数）」の目標が2度指定されています。1項目につき1度にしてください',
      );
      expect((await refusal([{ metric: 'SALES', target: 1 }])).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'targets.0.metric',
      });
      expect((await refusal([])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targets' });
      expect(await targetsOf(orgA, 2026, organizerA)).toEqual(before);
    });

    it('adds 目標, 実績 and 達成率 rows to the CSV', async () => {
      const { lines } = await csv(`organizationId=${orgA}&fiscalYear=2026`, staffA);
      expect(lines.filter((line) => line.startsWith('年度目標,'))).toEqual([
        '年度目標,参加者数（実人数）,目標,8,人',
        '年度目標,参加者数（実人数）,実績,4,人',
        '年度目標,参加者数（実人数）,達成率,50,%',
        '年度目標,新規参加事業者数,目標,3,社',
        '年度目標,新規参加事業者数,実績,1,社',
        '年度目標,新規参加事業者数,達成率,33.3,%',
        '年度目標,成約件数,目標,6,件',
        '年度目標,成約件数,実績,4,件',
        '年度目標,成約件数,達成率,66.7,%',
        '年度目標,成約金額,目標,300000,万円',
        '年度目標,成約金額,実績,250200,万円',
        '年度目標,成約金額,達成率,83.4,%',
        '年度目標,フォローアップの実施（年度内に完了）,目標,0,件',
        '年度目標,フォローアップの実施（年度内に完了）,実績,2,件',
        '年度目標,フォローアップの実施（年度内に完了）,達成率,,%',
      ]);
    });

    it('takes 受注機会の拡大 as the share the programmes report (%, 0–100), beside the count (件)', async () => {
      // The fair's two answers: one says 受注機会の拡大 — 1件, 50 %.
      const set = ok(
        await setTargets(
          orgA,
          2026,
          [
            { metric: 'GAINED_OPPORTUNITIES_RATE', target: 80 },
            { metric: 'GAINED_OPPORTUNITIES', target: 50 },
          ],
          organizerA,
        ),
      ).setFiscalYearTargets.targets;
      expect(set.filter((row) => row.metric.startsWith('GAINED'))).toEqual([
        {
          metric: 'GAINED_OPPORTUNITIES',
          label: '受注機会の拡大につながったと回答した数（アンケート）',
          unit: '件',
          target: 50,
          actual: 1,
          achievementRate: 2,
        },
        {
          metric: 'GAINED_OPPORTUNITIES_RATE',
          label: '受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）',
          unit: '%',
          target: 80,
          actual: 50,
          achievementRate: 62.5,
        },
      ]);
      const { lines } = await csv(`organizationId=${orgA}&fiscalYear=2026`, organizerA);
      expect(lines.filter((line) => line.startsWith('年度目標,受注機会'))).toEqual([
        '年度目標,受注機会の拡大につながったと回答した数（アンケート）,目標,50,件',
        '年度目標,受注機会の拡大につながったと回答した数（アンケート）,実績,1,件',
        '年度目標,受注機会の拡大につながったと回答した数（アンケート）,達成率,2,%',
        '年度目標,受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）,目標,80,%',
        '年度目標,受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）,実績,50,%',
        '年度目標,受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）,達成率,62.5,%',
      ]);

      // A share over 100 is refused, naming the item; a count of 101 is a count.
      const over = failure(
        await setTargets(
          orgA,
          2026,
          [
            { metric: 'GAINED_OPPORTUNITIES', target: 101 },
            { metric: 'GAINED_OPPORTUNITIES_RATE', target: 101 },
          ],
          organizerA,
        ),
      );
      expect(over.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'targets.1.target',
        reason: 'REPORT_TARGET_PERCENTAGE_OUT_OF_RANGE',
      });
      expect(over.message).toBe(
        '目標の2件目の目標値は 0〜100 で入力してください（「受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）」は % で数えます）',
      );
      const now = await targetsOf(orgA, 2026, organizerA);
      expect(now.find((row) => row.metric === 'GAINED_OPPORTUNITIES')?.target).toBe(50);
      expect(now.find((row) => row.metric === 'GAINED_OPPORTUNITIES_RATE')?.target).toBe(80);
    });
  });

  it('shows in an ended year’s report and CSV the deals deleted after it ended, beside figures that leave them out', async () => {
    const { org, organizer, staff, lastYear, today, record, deleteDeal } = await correctingOrganization(
      t,
      admin,
      { name: '足立区産業振興課' },
      [
        { name: '伊藤 進', company: '伊藤金型' },
        { name: '渡辺 恵', company: '渡辺工業' },
      ],
    );
    const won = { title: '金型の受注', stage: 'WON', amountYen: 4_000_000 };
    const wonDates = { startedOn: `${lastYear}-05-01`, closedOn: `${lastYear}-07-01` };
    await record({ ...won, ...wonDates });
    const twice = await record({ ...won, ...wonDates });
    const notOurs = await record({
      type: 'FINANCING',
      title: '設備資金の融資',
      stage: 'LOST',
      startedOn: `${lastYear}-10-01`,
      closedOn: `${lastYear}-11-01`,
    });
    // Begun in March of that year, 成約 in this one: there it counted as 新規商談 only.
    const spanning = await record({
      title: '試作の発注',
      stage: 'WON',
      amountYen: 1_000_000,
      startedOn: `${lastYear + 1}-03-01`,
      closedOn: today,
    });
    const report = `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
      deals { recorded won lost wonAmountYen wonWithoutAmount }
      dealsDeletedAfterYearEnd {
        deals recorded won lost wonAmountYen wonWithoutAmount
        deletions { dealId title type typeLabel stage stageLabel amountYen startedOn closedOn eventId eventTitle
          deletedAt deletedByName reason }
      } } }`;
    type Report = {
      deals: DealFigures;
      dealsDeletedAfterYearEnd:
        (DealFigures & { deals: number; deletions: Record<string, unknown>[] }) | null;
    };
    const read = async (fiscalYear: number) =>
      ok(await t.gql<{ fiscalYearReport: Report }>(report, { org, fy: fiscalYear }, organizer))
        .fiscalYearReport;

    const reported = await read(lastYear);
    expect(reported.deals).toEqual({
      recorded: 4,
      won: 2,
      lost: 1,
      wonAmountYen: 8_000_000,
      wonWithoutAmount: 0,
    });
    expect(reported.dealsDeletedAfterYearEnd).toMatchObject({ deals: 0, recorded: 0, won: 0, deletions: [] });

    await deleteDeal(twice, '二重登録（同じ商談を2回入力）');
    await deleteDeal(notOurs, '他団体の商談を誤って登録');
    await deleteDeal(spanning, '当事者の取り違え');
    const corrected = await read(lastYear);
    // The figures are as they stand now, without the deleted deals ...
    expect(corrected.deals).toEqual({
      recorded: 1,
      won: 1,
      lost: 0,
      wonAmountYen: 4_000_000,
      wonWithoutAmount: 0,
    });
    // ... and the report says by how much they went down after the year ended, and why.
    const deletedAfter = corrected.dealsDeletedAfterYearEnd!;
    expect(deletedAfter).toMatchObject({ deals: 3, recorded: 3, won: 1, lost: 1, wonAmountYen: 4_000_000 });
    for (const figure of ['recorded', 'won', 'lost', 'wonAmountYen', 'wonWithoutAmount'] as const)
      expect(corrected.deals[figure] + deletedAfter[figure]).toBe(reported.deals[figure]);
    expect(deletedAfter.deletions).toEqual([
      {
        dealId: twice,
        title: '金型の受注',
        type: 'ORDER',
        typeLabel: '受発注',
        stage: 'WON',
        stageLabel: '成約',
        amountYen: 4_000_000,
        ...wonDates,
        eventId: null,
        eventTitle: null,
        deletedAt: expect.any(String),
        deletedByName: 'テスト 担当',
        reason: '二重登録（同じ商談を2回入力）',
      },
      expect.objectContaining({ dealId: notOurs, stageLabel: '不成立', reason: '他団体の商談を誤って登録' }),
      expect.objectContaining({ dealId: spanning, startedOn: `${lastYear + 1}-03-01`, closedOn: today }),
    ]);
    // This year has not ended: nothing reported yet to correct.
    expect((await read(lastYear + 1)).dealsDeletedAfterYearEnd).toBeNull();

    const { lines } = await csv(`organizationId=${org}&fiscalYear=${lastYear}`, staff);
    const deletedOn = todayInTokyo();
    expect(lines).toEqual(
      expect.arrayContaining([
        BASIS_AFTER_YEAR_END,
        '商談,成約件数,合計,1,件',
        '商談,成約金額,合計,4000000,円',
        '年度終了後の訂正（削除）,削除した商談,合計,3,件',
        `年度終了後の訂正（削除）,削除した商談,${deletedOn} 削除「金型の受注」（受発注・成約・4000000円）理由: 二重登録（同じ商談を2回入力）,1,件`,
        `年度終了後の訂正（削除）,削除した商談,${deletedOn} 削除「設備資金の融資」（融資・不成立）理由: 他団体の商談を誤って登録,1,件`,
        '年度終了後の訂正（削除）,新規商談数の減少,,3,件',
        '年度終了後の訂正（削除）,成約件数の減少,,1,件',
        '年度終了後の訂正（削除）,不成立件数の減少,,1,件',
        '年度終了後の訂正（削除）,成約金額の減少,,4000000,円',
        '年度終了後の訂正（削除）,金額未入力の成約の減少,,0,件',
      ]),
    );
    // Right after the deal figures it corrects.
    const firstCorrection = lines.findIndex((line) => line.startsWith('年度終了後の訂正（削除）,'));
    expect(lines[firstCorrection - 1]).toMatch(/^商談,金額未入力の成約,/);
    const thisYear = await csv(`organizationId=${org}&fiscalYear=${lastYear + 1}`, staff);
    expect(thisYear.lines.filter((line) => line.includes('年度終了後'))).toEqual([]);
  });

  it('shows in an ended year’s report and CSV how the changes after it ended moved its figures, next to the deletions', async () => {
    const { org, organizer, staff, lastYear, today, record, change, deleteDeal } =
      await correctingOrganization(t, admin, { name: '板橋区産業振興課' }, [
        { name: '加藤 誠', company: '加藤製作所' },
        { name: '吉田 彩', company: '吉田精機' },
      ]);
    const reopened = await record({
      title: '金型の受注',
      stage: 'WON',
      amountYen: 4_000_000,
      startedOn: `${lastYear}-05-01`,
      closedOn: `${lastYear}-07-01`,
    });
    const repriced = await record({
      title: '治具の製作',
      stage: 'WON',
      amountYen: 1_000_000,
      startedOn: `${lastYear}-06-01`,
      closedOn: `${lastYear}-08-01`,
    });
    const retyped = await record({ title: '設備資金の相談', startedOn: `${lastYear}-10-01` });
    const movedIn = await record({ title: '検査装置の導入', startedOn: today });
    const deleted = await record({
      title: '部品の外注',
      stage: 'LOST',
      startedOn: `${lastYear}-09-01`,
      closedOn: `${lastYear}-10-01`,
    });
    // Begun the year before, 成約 last year: its amount is last year's alone.
    const begunBefore = await record({
      title: '量産ラインの受注',
      stage: 'WON',
      amountYen: 2_000_000,
      startedOn: `${lastYear - 1}-12-01`,
      closedOn: `${lastYear}-06-01`,
    });
    const report = `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
      deals { recorded won lost wonAmountYen wonWithoutAmount byType { type recorded } }
      dealsDeletedAfterYearEnd { deals recorded won lost wonAmountYen wonWithoutAmount }
      dealsChangedAfterYearEnd {
        count
        increased { recorded won lost wonAmountYen wonWithoutAmount }
        decreased { recorded won lost wonAmountYen wonWithoutAmount }
        changes { dealId title eventId eventTitle changedAt changedByName reason
          before { type typeLabel stage stageLabel amountYen startedOn closedOn }
          after { type typeLabel stage stageLabel amountYen startedOn closedOn } }
      } } }`;
    type Changes = {
      count: number;
      increased: DealFigures;
      decreased: DealFigures;
      changes: Record<string, unknown>[];
    };
    type Report = {
      deals: DealFigures & { byType: { type: string; recorded: number }[] };
      dealsDeletedAfterYearEnd: DealFigures | null;
      dealsChangedAfterYearEnd: Changes | null;
    };
    const read = async (fiscalYear: number) =>
      ok(await t.gql<{ fiscalYearReport: Report }>(report, { org, fy: fiscalYear }, organizer))
        .fiscalYearReport;
    const recordedOf = (figures: Report['deals'], type: string) =>
      figures.byType.find((row) => row.type === type)?.recorded;
    const nothing = { recorded: 0, won: 0, lost: 0, wonAmountYen: 0, wonWithoutAmount: 0 };

    const reported = await read(lastYear);
    expect(reported.deals).toMatchObject({ recorded: 4, won: 3, lost: 1, wonAmountYen: 7_000_000 });
    expect(reported.dealsChangedAfterYearEnd).toEqual({
      count: 0,
      increased: nothing,
      decreased: nothing,
      changes: [],
    });

    await change(reopened, { stage: 'NEGOTIATING', reason: '先方の発注取り消し' });
    await change(repriced, { amountYen: 1_500_000, reason: '請求額の訂正' });
    await change(retyped, { type: 'FINANCING', reason: '種類の誤り' });
    await change(movedIn, { startedOn: `${lastYear}-12-01`, reason: '開始日の入力誤り' });
    await change(begunBefore, { amountYen: 2_500_000, reason: '追加発注分を含める' });
    await deleteDeal(deleted, '二重登録');
    const corrected = await read(lastYear);
    // The figures are as the deals now stand ...
    expect(corrected.deals).toMatchObject({ recorded: 4, won: 2, lost: 0, wonAmountYen: 4_000_000 });
    expect([recordedOf(corrected.deals, 'ORDER'), recordedOf(corrected.deals, 'FINANCING')]).toEqual([3, 1]);
    // ... and the report says how the changes moved them, up and down, beside what the deletion took.
    const changed = corrected.dealsChangedAfterYearEnd!;
    const deletedAfter = corrected.dealsDeletedAfterYearEnd!;
    expect(changed).toMatchObject({
      count: 5,
      increased: { ...nothing, recorded: 1, wonAmountYen: 1_000_000 },
      decreased: { ...nothing, won: 1, wonAmountYen: 4_000_000 },
    });
    expect(deletedAfter).toMatchObject({ recorded: 1, lost: 1 });
    for (const figure of ['recorded', 'won', 'lost', 'wonAmountYen', 'wonWithoutAmount'] as const)
      expect(
        corrected.deals[figure] -
          changed.increased[figure] +
          changed.decreased[figure] +
          deletedAfter[figure],
      ).toBe(reported.deals[figure]);
    expect(changed.changes.map((row) => row.dealId)).toEqual([
      reopened,
      repriced,
      retyped,
      movedIn,
      begunBefore,
    ]);
    expect(changed.changes[0]).toEqual({
      dealId: reopened,
      title: '金型の受注',
      eventId: null,
      eventTitle: null,
      changedAt: expect.any(String),
      changedByName: 'テスト 担当',
      reason: '先方の発注取り消し',
      before: {
        type: 'ORDER',
        typeLabel: '受発注',
        stage: 'WON',
        stageLabel: '成約',
        amountYen: 4_000_000,
        startedOn: `${lastYear}-05-01`,
        closedOn: `${lastYear}-07-01`,
      },
      after: {
        type: 'ORDER',
        typeLabel: '受発注',
        stage: 'NEGOTIATING',
        stageLabel: '商談中',
        amountYen: 4_000_000,
        startedOn: `${lastYear}-05-01`,
        closedOn: null,
      },
    });
    // The year before counted the deal begun then as 新規商談 only: its new amount is not its change.
    expect((await read(lastYear - 1)).dealsChangedAfterYearEnd).toMatchObject({ count: 0, changes: [] });
    // This year has not ended: nothing reported yet to correct.
    expect((await read(lastYear + 1)).dealsChangedAfterYearEnd).toBeNull();

    const { lines } = await csv(`organizationId=${org}&fiscalYear=${lastYear}`, staff);
    const changedOn = todayInTokyo();
    const section = '年度終了後の訂正（変更）';
    expect(lines).toEqual(
      expect.arrayContaining([
        BASIS_AFTER_YEAR_END,
        `${section},変更した商談,合計,5,件`,
        `${section},変更した商談,${changedOn} 変更「金型の受注」（受発注・成約・4000000円・${lastYear}-05-01〜${lastYear}-07-01）→` +
          `（受発注・商談中・4000000円・${lastYear}-05-01〜）成約件数 -1件・成約金額 -4000000円 理由: 先方の発注取り消し,1,件`,
        `${section},変更した商談,${changedOn} 変更「設備資金の相談」（受発注・商談中・${lastYear}-10-01〜）→` +
          `（融資・商談中・${lastYear}-10-01〜）種類別の内訳のみ 理由: 種類の誤り,1,件`,
        `${section},変更した商談,${changedOn} 変更「検査装置の導入」（受発注・商談中・${today}〜）→` +
          `（受発注・商談中・${lastYear}-12-01〜）新規商談数 +1件 理由: 開始日の入力誤り,1,件`,
        `${section},新規商談数の増加,,1,件`,
        `${section},成約件数の増加,,0,件`,
        `${section},成約金額の増加,,1000000,円`,
        `${section},成約件数の減少,,1,件`,
        `${section},成約金額の減少,,4000000,円`,
      ]),
    );
    // Right after the deletions.
    const firstChange = lines.findIndex((line) => line.startsWith(`${section},`));
    expect(lines[firstChange - 1]).toMatch(/^年度終了後の訂正（削除）,金額未入力の成約の減少,/);
    const thisYear = await csv(`organizationId=${org}&fiscalYear=${lastYear + 1}`, staff);
    expect(thisYear.lines.filter((line) => line.includes('年度終了後'))).toEqual([]);
  });

  it('shows in the report and CSV of an event held in an ended year its deals deleted and changed after that year ended, whoever recorded them', async () => {
    const host = await correctingOrganization(t, admin, { name: '荒川区産業振興課' }, [
      { name: '森 大輔', company: '森製作所' },
      { name: '石井 美咲', company: '石井デザイン' },
    ]);
    const { lastYear, record, change, deleteDeal } = host;
    const coHostOrg = await createOrganization(t, admin, {
      name: '東京東信用金庫',
      kind: 'FINANCIAL_INSTITUTION',
    });
    const coHostStaff = await staffSession(t, Role.STAFF, coHostOrg);
    const eventId = await host.eventHeldAt(`${lastYear}-06-10T13:00:00+09:00`, {
      kind: 'BUSINESS_MATCHING',
      title: 'あらかわ ものづくり商談会',
      coHostIds: [coHostOrg],
    });
    const at = { eventId, startedOn: `${lastYear}-06-10` };
    const won = (title: string, amountYen: number, closedOn: string) => ({
      ...at,
      title,
      stage: 'WON',
      amountYen,
      closedOn,
    });
    await record(won('金型の受注', 4_000_000, `${lastYear}-07-01`));
    const twice = await record(won('金型の受注', 4_000_000, `${lastYear}-07-01`));
    const reopened = await record(won('治具の製作', 1_000_000, `${lastYear}-08-01`));
    const repriced = await record(won('試作品の発注', 2_000_000, `${lastYear}-09-01`));
    const relost = await record({
      ...at,
      type: 'PARTNERSHIP',
      title: '販路開拓の提携',
      stage: 'LOST',
      closedOn: `${lastYear}-10-01`,
    });
    const retyped = await record({ ...at, title: '設備資金の相談' });
    // The co-host's deal at the event is the event's too, though not the host's year's.
    const ofCoHost = await record(
      { ...won('運転資金の融資', 300_000, `${lastYear}-08-15`), type: 'FINANCING' },
      coHostStaff,
    );
    // The host's deal outside the event is its year's, not the event's.
    const outside = await record({ ...won('検査治具の受注', 500_000, `${lastYear}-11-01`), eventId: null });
    const report = `query($e: ID!) { eventReport(eventId: $e) {
      deals { total won wonAmountYen wonWithoutAmount }
      dealsDeletedAfterYearEnd {
        deals won wonAmountYen wonWithoutAmount
        deletions { dealId title stage stageLabel amountYen eventId eventTitle deletedAt deletedByName reason }
      }
      dealsChangedAfterYearEnd {
        count
        increased { won wonAmountYen wonWithoutAmount }
        decreased { won wonAmountYen wonWithoutAmount }
        changes { dealId title eventId eventTitle changedByName reason
          before { stage amountYen closedOn } after { stage amountYen closedOn } }
      } } }`;
    type Won = Record<'won' | 'wonAmountYen' | 'wonWithoutAmount', number>;
    type Report = {
      deals: Won & { total: number };
      dealsDeletedAfterYearEnd: (Won & { deals: number; deletions: Record<string, unknown>[] }) | null;
      dealsChangedAfterYearEnd: {
        count: number;
        increased: Won;
        decreased: Won;
        changes: Record<string, unknown>[];
      } | null;
    };
    const read = async (token = host.organizer) =>
      ok(await t.gql<{ eventReport: Report }>(report, { e: eventId }, token)).eventReport;
    const nothing = { won: 0, wonAmountYen: 0, wonWithoutAmount: 0 };

    const reported = await read();
    expect(reported.deals).toEqual({ total: 7, won: 5, wonAmountYen: 11_300_000, wonWithoutAmount: 0 });
    expect(reported.dealsDeletedAfterYearEnd).toEqual({ deals: 0, ...nothing, deletions: [] });
    expect(reported.dealsChangedAfterYearEnd).toEqual({
      count: 0,
      increased: nothing,
      decreased: nothing,
      changes: [],
    });

    // A deal of the event started this year, in no figures reported yet: deleting it, without a
    // reason, corrects nothing.
    await deleteDeal(await record({ ...at, title: '追加の見積もり依頼', startedOn: todayInTokyo() }));
    await deleteDeal(twice, '二重登録（同じ商談を2回入力）');
    await change(reopened, { stage: 'NEGOTIATING', reason: '先方の発注取り消し' });
    await change(retyped, { type: 'FINANCING', reason: '種類の誤り' });
    await change(repriced, { amountYen: 2_500_000, reason: '請求額の訂正' });
    await change(relost, { stage: 'NEGOTIATING', reason: '交渉の再開' });
    await deleteDeal(ofCoHost, '信用金庫の別の商談と重複', coHostStaff);
    await deleteDeal(outside, '他のイベントの商談');

    const corrected = await read();
    // The figures are as the deals now stand ...
    expect(corrected.deals).toEqual({ total: 5, won: 2, wonAmountYen: 6_500_000, wonWithoutAmount: 0 });
    // ... and the report says what the deletions took and how the changes moved them, and why.
    const deletedAfter = corrected.dealsDeletedAfterYearEnd!;
    const changed = corrected.dealsChangedAfterYearEnd!;
    expect(deletedAfter).toMatchObject({ deals: 2, won: 2, wonAmountYen: 4_300_000, wonWithoutAmount: 0 });
    expect(changed).toMatchObject({
      count: 3,
      increased: { ...nothing, wonAmountYen: 500_000 },
      decreased: { ...nothing, won: 1, wonAmountYen: 1_000_000 },
    });
    expect(corrected.deals.total + deletedAfter.deals).toBe(reported.deals.total);
    for (const figure of ['won', 'wonAmountYen', 'wonWithoutAmount'] as const)
      expect(
        corrected.deals[figure] +
          deletedAfter[figure] -
          changed.increased[figure] +
          changed.decreased[figure],
      ).toBe(reported.deals[figure]);
    expect(deletedAfter.deletions).toEqual([
      {
        dealId: twice,
        title: '金型の受注',
        stage: 'WON',
        stageLabel: '成約',
        amountYen: 4_000_000,
        eventId,
        eventTitle: 'あらかわ ものづくり商談会',
        deletedAt: expect.any(String),
        deletedByName: 'テスト 担当',
        reason: '二重登録（同じ商談を2回入力）',
      },
      expect.objectContaining({ dealId: ofCoHost, reason: '信用金庫の別の商談と重複' }),
    ]);
    // The new type moved the year's figures by type, none of the event's: not the event's change.
    expect(changed.changes.map((row) => row.dealId)).toEqual([reopened, repriced, relost]);
    expect(changed.changes[0]).toEqual({
      dealId: reopened,
      title: '治具の製作',
      eventId,
      eventTitle: 'あらかわ ものづくり商談会',
      changedByName: 'テスト 担当',
      reason: '先方の発注取り消し',
      before: { stage: 'WON', amountYen: 1_000_000, closedOn: `${lastYear}-08-01` },
      after: { stage: 'NEGOTIATING', amountYen: 1_000_000, closedOn: null },
    });
    // The co-host's staff read the same, as they read the event's figures.
    expect(await read(coHostStaff)).toEqual(corrected);
    // The host's year has its own deletions and changes, in and out of the event, not the co-host's.
    const year = ok(
      await t.gql<{
        fiscalYearReport: {
          dealsDeletedAfterYearEnd: { deletions: { dealId: string }[] };
          dealsChangedAfterYearEnd: { changes: { dealId: string }[] };
        };
      }>(
        `query($o: ID!, $y: Int!) { fiscalYearReport(organizationId: $o, fiscalYear: $y) {
          dealsDeletedAfterYearEnd { deletions { dealId } } dealsChangedAfterYearEnd { changes { dealId } } } }`,
        { o: host.org, y: lastYear },
        host.organizer,
      ),
    ).fiscalYearReport;
    expect(year.dealsDeletedAfterYearEnd.deletions.map((row) => row.dealId)).toEqual([twice, outside]);
    expect(year.dealsChangedAfterYearEnd.changes.map((row) => row.dealId)).toEqual([
      reopened,
      retyped,
      repriced,
      relost,
    ]);

    const { lines } = await csv('', host.staff, `/exports/events/${eventId}/report.csv`);
    const correctedOn = todayInTokyo();
    const [deletions, changes] = ['年度終了後の訂正（削除）', '年度終了後の訂正（変更）'];
    expect(lines).toEqual(
      expect.arrayContaining([
        BASIS_AFTER_YEAR_END,
        '商談,件数,合計,5,件',
        '商談,成約金額,,6500000,円',
        `${deletions},削除した商談,合計,2,件`,
        `${deletions},削除した商談,${correctedOn} 削除「金型の受注」（受発注・成約・4000000円）理由: 二重登録（同じ商談を2回入力）,1,件`,
        `${deletions},削除した商談,${correctedOn} 削除「運転資金の融資」（融資・成約・300000円）理由: 信用金庫の別の商談と重複,1,件`,
        `${deletions},成約件数の減少,,2,件`,
        `${deletions},成約金額の減少,,4300000,円`,
        `${deletions},金額未入力の成約の減少,,0,件`,
        `${changes},変更した商談,合計,3,件`,
        `${changes},変更した商談,${correctedOn} 変更「治具の製作」（受発注・成約・1000000円・${lastYear}-06-10〜${lastYear}-08-01）→` +
          `（受発注・商談中・1000000円・${lastYear}-06-10〜）成約件数 -1件・成約金額 -1000000円 理由: 先方の発注取り消し,1,件`,
        `${changes},変更した商談,${correctedOn} 変更「販路開拓の提携」（業務提携・不成立・${lastYear}-06-10〜${lastYear}-10-01）→` +
          `（業務提携・商談中・${lastYear}-06-10〜）段階別の内訳のみ 理由: 交渉の再開,1,件`,
        `${changes},成約件数の増加,,0,件`,
        `${changes},成約金額の増加,,500000,円`,
        `${changes},成約件数の減少,,1,件`,
        `${changes},成約金額の減少,,1000000,円`,
      ]),
    );
    expect(lines.filter((line) => line.includes('設備資金の相談'))).toEqual([]);
    // Right after the deal figures they correct, the deletions first.
    const firstCorrection = lines.findIndex((line) => line.startsWith(`${deletions},`));
    expect(lines[firstCorrection - 1]).toMatch(/^商談,段階別の金額未入力,/);
    const firstChange = lines.findIndex((line) => line.startsWith(`${changes},`));
    expect(lines[firstChange - 1]).toMatch(new RegExp(`^${deletions},金額未入力の成約の減少,`));
  });

  it('asks why a deal recorded after its year ended counts in it, and shows it in that year’s report and CSV as 年度終了後の訂正（追加）', async () => {
    const { org, organizer, staff, lastYear, today, record, recordToday } = await correctingOrganization(
      t,
      admin,
      { name: '北区産業振興課' },
      [
        { name: '加藤 翔', company: '加藤精工' },
        { name: '吉田 彩', company: '吉田製作所' },
      ],
    );
    // The year as reported at its end: one 成約, recorded in its year.
    await record({
      title: '金型の受注',
      stage: 'WON',
      amountYen: 4_000_000,
      startedOn: `${lastYear}-05-01`,
      closedOn: `${lastYear}-07-01`,
    });
    const report = `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
      deals { recorded won lost wonAmountYen wonWithoutAmount }
      dealsAddedAfterYearEnd {
        deals recorded won lost wonAmountYen wonWithoutAmount
        additions { dealId title type typeLabel stage stageLabel amountYen startedOn closedOn eventId eventTitle
          addedAt addedByName reason }
      } } }`;
    type Report = {
      deals: DealFigures;
      dealsAddedAfterYearEnd: (DealFigures & { deals: number; additions: Record<string, unknown>[] }) | null;
    };
    const read = async (fiscalYear: number) =>
      ok(await t.gql<{ fiscalYearReport: Report }>(report, { org, fy: fiscalYear }, organizer))
        .fiscalYearReport;
    const reported = await read(lastYear);
    expect(reported.deals).toEqual({
      recorded: 1,
      won: 1,
      lost: 0,
      wonAmountYen: 4_000_000,
      wonWithoutAmount: 0,
    });
    expect(reported.dealsAddedAfterYearEnd).toEqual({
      deals: 0,
      recorded: 0,
      won: 0,
      lost: 0,
      wonAmountYen: 0,
      wonWithoutAmount: 0,
      additions: [],
    });

    // A 成約 of that year's March, entered only now, would change the year's figures: without a
    // reason (blank is none) it is refused on the field, naming the year, and nothing is recorded.
    const late = {
      title: 'プレス部品の受注',
      stage: 'WON',
      amountYen: 3_000_000,
      startedOn: `${lastYear + 1}-03-20`,
      closedOn: `${lastYear + 1}-03-28`,
    };
    for (const reason of [undefined, null, ' \u3000 ']) {
      const refused = failure(await recordToday({ ...late, reason }));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEAL_ADDITION_REASON_REQUIRED',
        field: 'reason',
      });
      expect(refused.message).toBe(
        `この商談は終了した年度（${fiscalYearLabel(lastYear)}）の実績に数えられます。` +
          '記録の理由を入力してください（年度終了後の訂正として、その年度の実績報告に載ります）',
      );
    }
    expect(await read(lastYear)).toEqual(reported);

    // With a reason it is recorded. So is one begun that March and won today: there it is 新規商談.
    const added = ok(
      await recordToday({ ...late, reason: '  記録漏れ（3月の成約を年度内に入力していなかった）  ' }),
    ).recordDeal.id;
    const begun = ok(
      await recordToday({
        title: '治具の試作',
        stage: 'WON',
        amountYen: 500_000,
        startedOn: `${lastYear + 1}-03-10`,
        closedOn: today,
        reason: '開始時の記録漏れ',
      }),
    ).recordDeal.id;
    // This year's deal asks nothing and leaves nothing.
    const current = ok(
      await recordToday({
        title: '検査装置の導入',
        stage: 'WON',
        amountYen: 700_000,
        startedOn: today,
        closedOn: today,
      }),
    ).recordDeal.id;
    expect(await t.dataSource.query('SELECT id FROM deal_corrections WHERE deal_id = $1', [current])).toEqual(
      [],
    );

    const corrected = await read(lastYear);
    // The figures are as they stand now, with the deals recorded late ...
    expect(corrected.deals).toEqual({
      recorded: 3,
      won: 2,
      lost: 0,
      wonAmountYen: 7_000_000,
      wonWithoutAmount: 0,
    });
    // ... and the report says by how much they went up after the year ended, and why.
    const addedAfter = corrected.dealsAddedAfterYearEnd!;
    expect(addedAfter).toMatchObject({
      deals: 2,
      recorded: 2,
      won: 1,
      lost: 0,
      wonAmountYen: 3_000_000,
      wonWithoutAmount: 0,
    });
    for (const figure of ['recorded', 'won', 'lost', 'wonAmountYen', 'wonWithoutAmount'] as const)
      expect(corrected.deals[figure] - addedAfter[figure]).toBe(reported.deals[figure]);
    expect(addedAfter.additions).toEqual([
      {
        dealId: added,
        title: 'プレス部品の受注',
        type: 'ORDER',
        typeLabel: '受発注',
        stage: 'WON',
        stageLabel: '成約',
        amountYen: 3_000_000,
        startedOn: `${lastYear + 1}-03-20`,
        closedOn: `${lastYear + 1}-03-28`,
        eventId: null,
        eventTitle: null,
        addedAt: expect.any(String),
        addedByName: 'テスト 担当',
        reason: '記録漏れ（3月の成約を年度内に入力していなかった）',
      },
      expect.objectContaining({ dealId: begun, startedOn: `${lastYear + 1}-03-10`, closedOn: today }),
    ]);
    // This year has not ended: nothing reported yet to correct.
    expect((await read(lastYear + 1)).dealsAddedAfterYearEnd).toBeNull();

    const { lines } = await csv(`organizationId=${org}&fiscalYear=${lastYear}`, staff);
    const addedOn = todayInTokyo();
    const section = '年度終了後の訂正（追加）';
    expect(lines.filter((line) => line.startsWith(`${section},`))).toEqual([
      `${section},記録した商談,合計,2,件`,
      `${section},記録した商談,${addedOn} 記録「プレス部品の受注」（受発注・成約・3000000円・${lastYear + 1}-03-20〜${lastYear + 1}-03-28）` +
        '新規商談数 +1件・成約件数 +1件・成約金額 +3000000円 理由: 記録漏れ（3月の成約を年度内に入力していなかった）,1,件',
      `${section},記録した商談,${addedOn} 記録「治具の試作」（受発注・成約・500000円・${lastYear + 1}-03-10〜${today}）` +
        '新規商談数 +1件 理由: 開始時の記録漏れ,1,件',
      `${section},新規商談数の増加,,2,件`,
      `${section},成約件数の増加,,1,件`,
      `${section},不成立件数の増加,,0,件`,
      `${section},成約金額の増加,,3000000,円`,
      `${section},金額未入力の成約の増加,,0,件`,
    ]);
    expect(lines).toEqual(expect.arrayContaining([BASIS_AFTER_YEAR_END, '商談,成約金額,合計,7000000,円']));
    // After the deletions and changes, before the follow-ups.
    const firstAddition = lines.findIndex((line) => line.startsWith(`${section},`));
    expect(lines[firstAddition - 1]).toMatch(/^年度終了後の訂正（変更）,金額未入力の成約の減少,/);
    expect(lines[firstAddition + 8]).toMatch(/^フォローアップ,/);
    const thisYear = await csv(`organizationId=${org}&fiscalYear=${lastYear + 1}`, staff);
    expect(thisYear.lines.filter((line) => line.includes('年度終了後'))).toEqual([]);
  });

  it('shows in the report and CSV of an event held in an ended year its deals recorded into an ended year after it ended, whoever recorded them', async () => {
    const host = await correctingOrganization(t, admin, { name: '江戸川区産業振興課' }, [
      { name: '松本 洋', company: '松本鉄工' },
      { name: '井上 舞', company: '井上紙器' },
    ]);
    const { lastYear, today, record, recordToday } = host;
    const coHostOrg = await createOrganization(t, admin, {
      name: '江戸川信用金庫',
      kind: 'FINANCIAL_INSTITUTION',
    });
    const coHostStaff = await staffSession(t, Role.STAFF, coHostOrg);
    const eventId = await host.eventHeldAt(`${lastYear}-06-10T13:00:00+09:00`, {
      kind: 'BUSINESS_MATCHING',
      title: 'えどがわ ビジネス交流会',
      coHostIds: [coHostOrg],
    });
    const at = { eventId, startedOn: `${lastYear}-06-10` };
    // Reported with the year: one 成約, recorded then.
    await record({
      ...at,
      title: '紙器の受注',
      stage: 'WON',
      amountYen: 1_000_000,
      closedOn: `${lastYear}-07-01`,
    });
    const report = `query($e: ID!) { eventReport(eventId: $e) {
      deals { total won wonAmountYen wonWithoutAmount }
      dealsAddedAfterYearEnd {
        deals won wonAmountYen wonWithoutAmount
        additions { dealId title stage stageLabel amountYen startedOn closedOn eventId eventTitle addedByName reason }
      } } }`;
    type Won = Record<'won' | 'wonAmountYen' | 'wonWithoutAmount', number>;
    type Report = {
      deals: Won & { total: number };
      dealsAddedAfterYearEnd: (Won & { deals: number; additions: Record<string, unknown>[] }) | null;
    };
    const read = async () =>
      ok(await t.gql<{ eventReport: Report }>(report, { e: eventId }, host.organizer)).eventReport;
    const reported = await read();
    expect(reported.dealsAddedAfterYearEnd).toEqual({
      deals: 0,
      won: 0,
      wonAmountYen: 0,
      wonWithoutAmount: 0,
      additions: [],
    });

    // Entered only now: the co-host's 成約 of that September (refused at first), and the host's
    // talks begun at the event and still under way; and a deal of the event begun this year, which
    // asks nothing and is no correction.
    const coHostWon = {
      ...at,
      title: '融資の実行',
      type: 'FINANCING',
      stage: 'WON',
      amountYen: 2_000_000,
      closedOn: `${lastYear}-09-01`,
    };
    expect(failure(await recordToday(coHostWon, coHostStaff)).extensions).toMatchObject({
      reason: 'DEAL_ADDITION_REASON_REQUIRED',
      field: 'reason',
    });
    const financed = ok(await recordToday({ ...coHostWon, reason: '信用金庫の記録漏れ' }, coHostStaff))
      .recordDeal.id;
    const talks = ok(
      await recordToday({
        eventId,
        title: '共同開発の相談',
        startedOn: `${lastYear}-06-20`,
        reason: '入力漏れ',
      }),
    ).recordDeal.id;
    ok(await recordToday({ eventId, title: '追加の見積もり依頼', startedOn: today }));

    const corrected = await read();
    expect(corrected.deals).toEqual({ total: 4, won: 2, wonAmountYen: 3_000_000, wonWithoutAmount: 0 });
    const addedAfter = corrected.dealsAddedAfterYearEnd!;
    expect(addedAfter).toMatchObject({ deals: 2, won: 1, wonAmountYen: 2_000_000, wonWithoutAmount: 0 });
    for (const figure of ['won', 'wonAmountYen', 'wonWithoutAmount'] as const)
      expect(corrected.deals[figure] - addedAfter[figure]).toBe(reported.deals[figure]);
    expect(addedAfter.additions).toEqual([
      {
        dealId: financed,
        title: '融資の実行',
        stage: 'WON',
        stageLabel: '成約',
        amountYen: 2_000_000,
        startedOn: `${lastYear}-06-10`,
        closedOn: `${lastYear}-09-01`,
        eventId,
        eventTitle: 'えどがわ ビジネス交流会',
        addedByName: 'テスト 担当',
        reason: '信用金庫の記録漏れ',
      },
      expect.objectContaining({ dealId: talks, stageLabel: '商談中', amountYen: null, reason: '入力漏れ' }),
    ]);

    const { lines } = await csv('', host.staff, `/exports/events/${eventId}/report.csv`);
    const addedOn = todayInTokyo();
    const section = '年度終了後の訂正（追加）';
    expect(lines.filter((line) => line.startsWith(`${section},`))).toEqual([
      `${section},記録した商談,合計,2,件`,
      `${section},記録した商談,${addedOn} 記録「融資の実行」（融資・成約・2000000円・${lastYear}-06-10〜${lastYear}-09-01）` +
        '成約件数 +1件・成約金額 +2000000円 理由: 信用金庫の記録漏れ,1,件',
      `${section},記録した商談,${addedOn} 記録「共同開発の相談」（受発注・商談中・${lastYear}-06-20〜）` +
        '段階別の内訳のみ 理由: 入力漏れ,1,件',
      `${section},成約件数の増加,,1,件`,
      `${section},成約金額の増加,,2000000,円`,
      `${section},金額未入力の成約の増加,,0,件`,
    ]);
    expect(lines).toEqual(expect.arrayContaining([BASIS_AFTER_YEAR_END, '商談,件数,合計,4,件']));
    // After the deletions and changes, before the survey.
    const firstAddition = lines.findIndex((line) => line.startsWith(`${section},`));
    expect(lines[firstAddition - 1]).toMatch(/^年度終了後の訂正（変更）,金額未入力の成約の減少,/);
    expect(lines[firstAddition + 6]).toMatch(/^アンケート,/);
  });

  it('shows no 年度終了後の訂正 for an event of the year still running, whatever its deals went through', async () => {
    const setup = await correctingOrganization(t, admin, { name: '墨田区産業振興課' }, [
      { name: '岡田 亮', company: '岡田染工' },
      { name: '村上 彩花', company: '村上木工' },
    ]);
    // The year's first moment has always passed, even on 1 April.
    const thisYear = setup.lastYear + 1;
    const eventId = await setup.eventHeldAt(`${thisYear}-04-01T00:00:00+09:00`);
    const at = { eventId, startedOn: `${thisYear}-04-01` };
    const won = await setup.record({ ...at, title: '染色の受注', stage: 'WON', amountYen: 800_000 });
    const deleted = await setup.record({ ...at, title: '染色の受注' });
    await setup.change(won, { stage: 'NEGOTIATING' });
    await setup.deleteDeal(deleted, '二重登録');

    const report = ok(
      await t.gql<{ eventReport: Record<string, unknown> }>(
        `query($e: ID!) { eventReport(eventId: $e) {
          deals { total won } dealsDeletedAfterYearEnd { deals } dealsChangedAfterYearEnd { count }
          dealsAddedAfterYearEnd { deals } } }`,
        { e: eventId },
        setup.organizer,
      ),
    ).eventReport;
    expect(report).toEqual({
      deals: { total: 1, won: 0 },
      dealsDeletedAfterYearEnd: null,
      dealsChangedAfterYearEnd: null,
      dealsAddedAfterYearEnd: null,
    });
    const { lines } = await csv('', setup.staff, `/exports/events/${eventId}/report.csv`);
    expect(lines).toContain('商談,件数,合計,1,件');
    expect(lines.filter((line) => line.includes('年度終了後'))).toEqual([]);
  });

  it('marks in events.csv the events the year counts: the 参加登録数 of those marked はい add up to the year’s', async () => {
    // An organisation of its own, its events around now in this 年度: one under way (公開中), one
    // another organisation ran with it as co-host, over and closed; and, with sign-ups the year
    // does not count, one still ahead (公開中 too), a draft and a called-off one, both begun.
    const orgC = await createOrganization(t, admin, { name: '立川市産業振興課', kind: 'MUNICIPALITY' });
    const organizerC = await staffSession(t, Role.ORGANIZER, orgC);
    const people: { id: string }[] = [];
    for (const company of ['立川精機', '砂川製作所', '柴崎工業', '錦町電子'])
      people.push(await createParticipant(t, organizerC, { company: { name: company } }));
    const year = fiscalYearOf(new Date());
    const { start, end } = fiscalYearRange(year);
    const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    // Where each is moved to: `hours` from now, but within this 年度, so that in its first hours
    // (1 April, 00:30) those begun began at midnight, and in its last ones the one ahead is still in it.
    const inThisYear = (hours: number) =>
      new Date(
        Math.min(Math.max(Date.now() + hours * 3_600_000, start.getTime()), end.getTime() - 1000),
      ).toISOString();
    const event = (token: string, title: string, input: Record<string, unknown> = {}) =>
      createPublishedEvent(t, token, { title, startsAt: hoursFromNow(2), endsAt: hoursFromNow(4), ...input });
    const signUp = async (eventId: string, count: number) => {
      const ids: string[] = [];
      for (const person of people.slice(0, count)) ids.push(await register(eventId, person.id, organizerC));
      return ids;
    };

    const underWay = await event(organizerC, '立川サロン（開催中）');
    const [, leaving] = await signUp(underWay, 3);
    await mutate('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: leaving }, organizerC);
    await moveEventTo(t, underWay, inThisYear(-1));
    const coHosted = await event(organizerB, '多摩ビジネス交流会', { kind: 'SEMINAR', coHostIds: [orgC] });
    await signUp(coHosted, 4);
    await moveEventTo(t, coHosted, inThisYear(-3));
    await mutate(
      'mutation($id: ID!) { closeEvent(id: $id, markNotCheckedInAbsent: true) { id } }',
      { id: coHosted },
      organizerB,
    );
    const ahead = await event(organizerC, '立川ビジネス商談会', { kind: 'BUSINESS_MATCHING' });
    await signUp(ahead, 4);
    await moveEventTo(t, ahead, inThisYear(2));
    const draft = (
      await mutate(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'MINI_SALON',
            title: '立川ミニサロン（下書き）',
            venue: '立川商工会議所 会議室',
            startsAt: hoursFromNow(2),
            endsAt: hoursFromNow(4),
            capacity: 20,
          },
        },
        organizerC,
      )
    ).createEvent.id;
    await signUp(draft, 1);
    await moveEventTo(t, draft, inThisYear(-1));
    const cancelled = await event(organizerC, '立川サロン（中止）');
    await signUp(cancelled, 3);
    await mutate('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: cancelled }, organizerC);
    await moveEventTo(t, cancelled, inThisYear(-1));

    const report = ok(await fiscalYearReport(orgC, year, organizerC)).fiscalYearReport;
    expect(report.participation.registrations).toBe(2 + 4);

    const { lines } = await csv(`fiscalYear=${year}`, organizerC, '/exports/events.csv');
    const header = lines[0].split(',');
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    const rows = lines
      .slice(1)
      .map((line) => ({
        title: cell(line, 'イベント名'),
        status: cell(line, '状態'),
        counted: cell(line, '年度実績に計上'),
        registrations: Number(cell(line, '参加登録数')),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    expect(rows).toEqual(
      [
        { title: '多摩ビジネス交流会', status: '終了', counted: 'はい', registrations: 4 },
        { title: '立川サロン（開催中）', status: '公開中', counted: 'はい', registrations: 2 },
        { title: '立川ビジネス商談会', status: '公開中', counted: 'いいえ', registrations: 4 },
        { title: '立川ミニサロン（下書き）', status: '下書き', counted: 'いいえ', registrations: 1 },
        { title: '立川サロン（中止）', status: '中止', counted: 'いいえ', registrations: 3 },
      ].sort((a, b) => a.title.localeCompare(b.title)),
    );
    const sum = (of: { registrations: number }[]) => of.reduce((total, row) => total + row.registrations, 0);
    expect(sum(rows)).toBe(14);
    expect(sum(rows.filter((row) => row.counted === 'はい'))).toBe(report.participation.registrations);

    // The same on the Event type, read for a page of events in one statement, however many there
    // are (other statements run meanwhile: the mail sender's, the counts'; those reading events by
    // a list of ids are the field's).
    const listed = async (fields: string) => {
      const query = jest.spyOn(t.dataSource, 'query');
      try {
        const edges = ok(
          await t.gql<{ events: { edges: { node: Record<string, unknown> }[] } }>(
            `query($fy: Int) { events(filter: { fiscalYear: $fy }) { edges { node { title ${fields} } } } }`,
            { fy: year },
            organizerC,
          ),
        ).events.edges;
        const readingEvents = query.mock.calls.filter(([sql]) =>
          /\bFROM events\b[\s\S]*= ANY\(/.test(String(sql)),
        );
        return { nodes: edges.map((edge) => edge.node), statements: readingEvents.length };
      } finally {
        query.mockRestore();
      }
    };
    expect((await listed('registrationCounts { registrations }')).statements).toBe(0);
    const flagged = await listed('registrationCounts { registrations } countsInFiscalYearReport');
    expect({ events: flagged.nodes.length, statements: flagged.statements }).toEqual({
      events: 5,
      statements: 1,
    });
    const nodes = flagged.nodes as {
      title: string;
      countsInFiscalYearReport: boolean;
      registrationCounts: { registrations: number };
    }[];
    expect(Object.fromEntries(nodes.map((node) => [node.title, node.countsInFiscalYearReport]))).toEqual(
      Object.fromEntries(rows.map((row) => [row.title, row.counted === 'はい'])),
    );
    expect(
      nodes
        .filter((node) => node.countsInFiscalYearReport)
        .reduce((total, node) => total + node.registrationCounts.registrations, 0),
    ).toBe(report.participation.registrations);
    // Participants are not told which events count in an organisation's report.
    const seen = ok(
      await t.gql<{ event: { countsInFiscalYearReport: boolean | null } }>(
        'query($id: ID!) { event(id: $id) { countsInFiscalYearReport } }',
        { id: ahead },
        participantToken,
      ),
    ).event;
    expect(seen.countsInFiscalYearReport).toBeNull();
  });

  it('counts an event from when it begins: one still ahead, and its sign-ups, are a plan, not 実績', async () => {
    const coming = await createPublishedEvent(t, organizerA, {
      kind: 'MINI_SALON',
      title: 'ミニサロン in 葛飾（事業承継）',
      startsAt: tokyoInDays(10, '18:00'),
      endsAt: tokyoInDays(10, '20:00'),
      capacity: 20,
    });
    const year = fiscalYearOf(new Date(Date.parse(tokyoInDays(10, '18:00'))));
    const before = ok(await fiscalYearReport(orgA, year, staffA)).fiscalYearReport;
    await register(coming, designer.id, organizerA);
    const after = ok(await fiscalYearReport(orgA, year, staffA)).fiscalYearReport;
    expect(after.events).toEqual(before.events);
    expect(after.participation).toEqual(before.participation);

    // The day comes (yesterday, say): it counts. Last in the file, as it changes the figures.
    await moveEventEarlier(t, coming, 11);
    const heldYear = fiscalYearOf(new Date(Date.parse(tokyoInDays(-1, '18:00'))));
    const held = ok(await fiscalYearReport(orgA, heldYear, staffA)).fiscalYearReport;
    expect(held.events.byKind.find((kind) => kind.kind === 'MINI_SALON')!.count).toBe(1);
  });
});
