import { fiscalYearLabel, fiscalYearOf } from '../src/common/japan/fiscal-year';
import { Role } from '../src/auth/actor';
import { addDays, addMonths, tokyoDateOf } from '../src/common/time/calendar-date';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { holdingLocks, untilWaitingForLocks } from './support/lock-waits';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';
import { asRecordedInItsYear, correctingOrganization, RECORDED_LATE } from './support/deal-corrections';
import { expectPaging } from './support/paging';

const DEAL_FIELDS = `id organizationId eventId eventTitle meetingId type typeLabel stage stageLabel title amountYen
  startedOn closedOn fiscalYear notes recordedByName
  participantA { participantId name companyName } participantB { participantId name companyName }`;
const FOLLOW_UP_FIELDS =
  'id dealId dealTitle participant { name } parties { name companyName } dueOn notes result done assignedToName';

interface DealRow {
  id: string;
  meetingId: string | null;
  eventId: string | null;
  stage: string;
  stageLabel: string;
  closedOn: string | null;
  startedOn: string;
  fiscalYear: number;
  amountYen: number | null;
  participantA: { participantId: string; name: string; companyName: string | null } | null;
  participantB: { participantId: string; name: string; companyName: string | null } | null;
}
interface FollowUpRow {
  id: string;
  dealId: string | null;
  dealTitle: string | null;
  dueOn: string;
  notes: string;
  result: string;
  done: boolean;
  assignedToName: string | null;
}

/**
 * 商談 and フォローアップ: staff record what came out of a held meeting, move it to 成約, follow it
 * up every four months, and export both lists for Excel. Each organisation sees only its own.
 */
describe('deals and follow-ups', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let staffUserId: string;
  let orgId: string;
  let otherStaff: string;
  let eventId: string;
  let meetingId: string;
  let scheduledMeetingId: string;
  const people: Record<'a' | 'b' | 'c', { id: string; email: string }> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '城北信用金庫', kind: 'FINANCIAL_INSTITUTION' });
    const otherOrg = await createOrganization(t, admin, { name: '川口商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    staff = await staffSession(t, Role.STAFF, orgId, 'shien-tanto@example.jp');
    [{ id: staffUserId }] = await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'shien-tanto@example.jp'`,
    );
    otherStaff = await staffSession(t, Role.STAFF, otherOrg);

    // Set up three days ahead, then held today from midnight (Tokyo): its meetings have begun
    // whenever the tests run, and a deal from one is in this 年度 even on 1 April (a meeting
    // yesterday would then be in the 年度 that ended, and its deal need a reason).
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'しんきん ビジネスマッチング商談会',
      startsAt: tokyoInDays(3, '00:00'),
      endsAt: tokyoInDays(3, '04:00'),
    });
    const sessionId = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            name: '第1部',
            startsAt: tokyoInDays(3, '00:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    ).addMatchmakingSession.sessions[0].id;
    people.a = await createParticipant(t, organizer, {
      name: '髙橋 一郎',
      company: { name: '髙橋精密工業株式会社' },
    });
    people.b = await createParticipant(t, organizer, {
      name: '山﨑 花子',
      company: { name: '山﨑デザイン事務所' },
    });
    people.c = await createParticipant(t, organizer, { name: '佐藤 次郎', company: { name: '佐藤食品' } });
    for (const person of Object.values(people)) {
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    }
    const meet = async (from: { id: string }, to: { id: string }, slotIndex: number) => {
      const request = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId, to: to.id },
          await t.participantToken(from.id),
        ),
      ).requestMeeting;
      ok(
        await t.gql(
          'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
          { id: request.id },
          await t.participantToken(to.id),
        ),
      );
      return ok(
        await t.gql<{ placeMeeting: { id: string } }>(
          'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i, table: "1") { id } }',
          { r: request.id, s: sessionId, i: slotIndex },
          organizer,
        ),
      ).placeMeeting.id;
    };
    meetingId = await meet(people.a, people.b, 0);
    scheduledMeetingId = await meet(people.a, people.c, 1);
    // The 商談会 takes place: a meeting is recorded as held only after it started.
    await moveEventEarlier(t, eventId, 3);
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: meetingId }, organizer));
  });
  afterAll(async () => {
    await t?.close();
  });

  const recordDeal = (input: Record<string, unknown>, token = staff) =>
    t.gql<{ recordDeal: DealRow }>(
      `mutation($input: RecordDealInput!) { recordDeal(input: $input) { ${DEAL_FIELDS} } }`,
      { input },
      token,
    );
  const updateDeal = (id: string, input: Record<string, unknown>, token = staff) =>
    t.gql<{ updateDeal: DealRow }>(
      `mutation($id: ID!, $input: UpdateDealInput!) { updateDeal(id: $id, input: $input) { ${DEAL_FIELDS} } }`,
      { id, input },
      token,
    );
  /** Today's 年度 (Tokyo), its first day and today: the deals recorded in it lie between the two. */
  const thisYear = () => {
    const year = fiscalYearOf(new Date());
    return { year, firstDay: `${year}-04-01`, today: tokyoDateOf(new Date()) };
  };
  const due = async (before: string, token = staff) =>
    ok(
      await t.gql<{ followUpsDue: { edges: { node: FollowUpRow }[] } }>(
        `query($before: String!) { followUpsDue(before: $before) { edges { node { ${FOLLOW_UP_FIELDS} } } } }`,
        { before },
        token,
      ),
    ).followUpsDue.edges.map((edge) => edge.node);

  it('records a deal from a held meeting, takes it to 成約 and schedules its follow-ups', async () => {
    const recorded = ok(
      await recordDeal({
        meetingId,
        type: 'ORDER',
        title: '精密部品の試作 500 個',
        amountYen: 1_800_000,
        followUpInMonths: 4,
      }),
    ).recordDeal;
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const meetingDay = today;
    expect(recorded).toMatchObject({
      meetingId,
      eventId,
      eventTitle: 'しんきん ビジネスマッチング商談会',
      type: 'ORDER',
      typeLabel: '受発注',
      stage: 'NEGOTIATING',
      stageLabel: '商談中',
      startedOn: meetingDay,
      closedOn: null,
      amountYen: 1_800_000,
      recordedByName: 'テスト 担当',
      participantA: { participantId: people.a.id, name: '髙橋 一郎', companyName: '髙橋精密工業株式会社' },
      participantB: { participantId: people.b.id, companyName: '山﨑デザイン事務所' },
    });

    // The first follow-up, four months after the meeting, assigned to whoever recorded the deal.
    const [first] = await due('2099-01-01');
    expect(first).toMatchObject({
      dealId: recorded.id,
      dealTitle: '精密部品の試作 500 個',
      // Whom to call: both sides of the deal.
      parties: [
        { name: '髙橋 一郎', companyName: '髙橋精密工業株式会社' },
        { name: '山﨑 花子', companyName: '山﨑デザイン事務所' },
      ],
      notes: '「精密部品の試作 500 個」の進捗確認',
      done: false,
      assignedToName: 'テスト 担当',
    });
    expect(first.dueOn).toBe(addMonths(meetingDay, 4));

    const won = ok(
      await updateDeal(recorded.id, { stage: 'WON', closedOn: today, amountYen: 2_100_000 }),
    ).updateDeal;
    expect(won).toMatchObject({
      stage: 'WON',
      stageLabel: '成約',
      closedOn: today,
      amountYen: 2_100_000,
    });
    // 成約 stays closed on its date while other fields change; reopening clears the date.
    expect(ok(await updateDeal(recorded.id, { notes: '初回納品済み' })).updateDeal.closedOn).toBe(today);
    // 事業承継 or a plant order can pass GraphQL Int's 21億円; the Yen scalar carries it exactly.
    expect(ok(await updateDeal(recorded.id, { amountYen: 3_200_000_001 })).updateDeal.amountYen).toBe(
      3_200_000_001,
    );
    const reopened = ok(await updateDeal(recorded.id, { stage: 'NEGOTIATING', amountYen: null })).updateDeal;
    expect(reopened).toMatchObject({ stage: 'NEGOTIATING', closedOn: null, amountYen: null });
    ok(await updateDeal(recorded.id, { stage: 'WON', closedOn: today, amountYen: 2_100_000 }));

    // Past dates are taken (a visit entered afterwards), but a mistyped year is not: no check
    // before the deal began, and no next check that is not after this one.
    const scheduleFollowUp = (input: Record<string, unknown>) =>
      t.gql(
        'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
        { input },
        staff,
      );
    const beforeDeal = failure(
      await scheduleFollowUp({ dealId: recorded.id, dueOn: addDays(meetingDay, -1) }),
    );
    expect(beforeDeal.message).toBe(
      `フォローアップの期日は商談開始日（${meetingDay}）以降の日付にしてください`,
    );
    expect(beforeDeal.extensions).toMatchObject({ field: 'dueOn', reason: 'DEAL_FOLLOW_UP_DUE_INVALID' });
    const notLater = failure(
      await t.gql(
        'mutation($id: ID!, $next: String) { completeFollowUp(id: $id, result: "訪問済み", nextDueOn: $next) { completed { id } } }',
        { id: first.id, next: '2020-05-10' },
        staff,
      ),
    );
    expect(notLater.message).toBe(`次回の期日は今回の期日（${first.dueOn}）より後の日付にしてください`);
    expect(notLater.extensions).toMatchObject({ field: 'nextDueOn', reason: 'DEAL_FOLLOW_UP_DUE_INVALID' });
    ok(await scheduleFollowUp({ dealId: recorded.id, dueOn: meetingDay, notes: '当日の訪問記録' }));

    // Completing the follow-up records the result and sets the next one.
    const completed = ok(
      await t.gql<{ completeFollowUp: { completed: FollowUpRow; next: FollowUpRow } }>(
        `mutation($id: ID!, $next: String) { completeFollowUp(id: $id, result: "追加発注の見込みあり", nextDueOn: $next) {
           completed { ${FOLLOW_UP_FIELDS} } next { ${FOLLOW_UP_FIELDS} } } }`,
        { id: first.id, next: '2099-05-10' },
        staff,
      ),
    ).completeFollowUp;
    expect(completed.completed).toMatchObject({ id: first.id, done: true, result: '追加発注の見込みあり' });
    expect(completed.next).toMatchObject({ dealId: recorded.id, dueOn: '2099-05-10', done: false });
    expect((await due('2099-01-01')).map((f) => f.id)).not.toContain(first.id);
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!) { completeFollowUp(id: $id) { completed { id } } }',
          { id: first.id },
          staff,
        ),
      ).extensions,
    ).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it('records deals outside meetings and follow-ups on a participant, and keeps each organisation to its own', async () => {
    const { year, firstDay, today } = thisYear();
    const lost = ok(
      await recordDeal({
        participantAId: people.c.id,
        participantBId: people.b.id,
        type: 'JOINT_DEVELOPMENT',
        stage: 'LOST',
        title: '地場野菜を使った新商品の共同開発',
        startedOn: firstDay,
        closedOn: today,
      }),
    ).recordDeal;
    expect(lost).toMatchObject({
      stage: 'LOST',
      startedOn: firstDay,
      closedOn: today,
      fiscalYear: year,
    });
    const plan = ok(
      await t.gql<{ scheduleFollowUp: FollowUpRow }>(
        `mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { ${FOLLOW_UP_FIELDS} } }`,
        {
          input: {
            participantId: people.c.id,
            dueOn: '2026-12-01',
            notes: '事業計画（販路開拓）の進捗を確認',
            assignedToId: staffUserId,
          },
        },
        organizer,
      ),
    ).scheduleFollowUp;
    expect(plan).toMatchObject({
      participant: { name: '佐藤 次郎' },
      dealId: null,
      assignedToName: 'テスト 担当',
    });
    expect((await due('2026-12-02')).map((f) => f.id)).toContain(plan.id);
    expect((await due('2026-12-01')).map((f) => f.id)).not.toContain(plan.id);

    // Another organisation's staff neither see nor change these.
    const deals = (token: string) =>
      t.gql<{ deals: { totalCount: number; edges: { node: { id: string } }[] } }>(
        '{ deals { totalCount edges { node { id } } } }',
        {},
        token,
      );
    expect(ok(await deals(otherStaff)).deals.totalCount).toBe(0);
    const othersDeal = failure(await updateDeal(lost.id, { stage: 'NEGOTIATING' }, otherStaff));
    expect(othersDeal.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEAL_OTHER_ORGANIZATION' });
    expect(othersDeal.message).toBe(
      '他の団体が記録した商談です。記録した団体のスタッフ（または管理者）が操作できます',
    );
    expect(await due('2099-01-01', otherStaff)).toEqual([]);
    expect(
      failure(await recordDeal({ meetingId, type: 'ORDER', title: '横取り' }, otherStaff)).extensions?.code,
    ).toBe('FORBIDDEN');

    const mine = ok(
      await t.gql<{ deals: { totalCount: number; edges: { node: DealRow }[] } }>(
        `query($filter: DealFilter) { deals(filter: $filter) { totalCount edges { node { id stage fiscalYear } } } }`,
        { filter: { fiscalYear: year, stage: 'LOST' } },
        staff,
      ),
    ).deals;
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toMatchObject({ id: lost.id, stage: 'LOST', fiscalYear: year });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM deals`);
    const field = async (input: Record<string, unknown>) => (await recordDeal(input)).errors?.[0]?.extensions;

    expect(await field({ meetingId: scheduledMeetingId, type: 'ORDER', title: '未実施' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'meetingId',
    });
    expect(await field({ type: 'ORDER', title: '当事者なし' })).toMatchObject({ field: 'participantAId' });
    // At an event: one that has taken place, between people who held a seat there.
    const outsider = await createParticipant(t, organizer, {
      name: '岡田 修',
      company: { name: '岡田工業' },
    });
    const atEvent = { eventId, participantAId: people.a.id, participantBId: outsider.id, type: 'ORDER' };
    const notThere = await recordDeal({ ...atEvent, title: '不参加の方との商談' });
    expect(notThere.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^岡田 修 様はこのイベントに参加登録・出席していないため/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'DEAL_PARTY_NOT_AT_EVENT', field: 'participantBId' },
    });
    const coming = await createPublishedEvent(t, organizer, {
      title: '来月の異業種交流会',
      startsAt: tokyoInDays(30, '18:00'),
      endsAt: tokyoInDays(30, '20:00'),
    });
    const early = await recordDeal({
      ...atEvent,
      eventId: coming,
      participantBId: people.b.id,
      title: '開催前',
    });
    expect(early.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^開催前（.+ 開始）のため、このイベントでの商談は記録できません$/),
      extensions: { reason: 'DEAL_EVENT_NOT_HELD', field: 'eventId' },
    });
    expect(
      await field({
        participantAId: people.a.id,
        participantBId: people.a.id,
        type: 'ORDER',
        title: '同一人物',
      }),
    ).toMatchObject({ field: 'participantBId' });
    expect(await field({ meetingId, type: 'ORDER', title: '負の金額', amountYen: -1 })).toMatchObject({
      field: 'amountYen',
    });
    const fraction = (await recordDeal({ meetingId, type: 'ORDER', title: '端数', amountYen: 1.5 }))
      .errors?.[0];
    expect(fraction?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountYen' });
    expect(fraction?.message).toContain('金額は 0 円以上の円単位の整数で入力してください');
    // The same refusal when the amount is written in the query itself.
    const literal = await t.gql(
      `mutation { recordDeal(input: { meetingId: "${meetingId}", type: ORDER, title: "端数", amountYen: 1.5 }) { id } }`,
      {},
      staff,
    );
    expect(failure(literal).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountYen' });
    const tooLarge = (
      await recordDeal({ meetingId, type: 'ORDER', title: '上限超え', amountYen: 1_000_000_000_001 })
    ).errors?.[0];
    expect(tooLarge?.extensions).toMatchObject({ field: 'amountYen' });
    expect(tooLarge?.message).toBe('金額は 1 兆円以下で入力してください');
    expect(await field({ meetingId, type: 'ORDER', title: '日付', startedOn: '2027-02-29' })).toMatchObject({
      field: 'startedOn',
    });
    expect(
      await field({
        meetingId,
        type: 'ORDER',
        title: '逆順',
        stage: 'WON',
        startedOn: tokyoInDays(0, '00:00').slice(0, 10),
        closedOn: tokyoInDays(-1, '00:00').slice(0, 10),
      }),
    ).toMatchObject({ field: 'closedOn' });
    // Talks that came of a meeting or an event cannot have begun before it.
    expect(
      await field({ meetingId, type: 'ORDER', title: '面談前から', startedOn: '2026-04-01' }),
    ).toMatchObject({ field: 'startedOn', reason: 'DEAL_STARTED_BEFORE_SOURCE' });
    const beforeEvent = await recordDeal({
      eventId,
      participantAId: people.a.id,
      participantBId: people.b.id,
      type: 'ORDER',
      title: '開催前から',
      startedOn: '2026-04-01',
    });
    expect(beforeEvent.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^商談開始日は、もとになった面談・イベントの日（\d{4}-\d{2}-\d{2}）以降の日付にしてください$/,
      ),
      extensions: { field: 'startedOn', reason: 'DEAL_STARTED_BEFORE_SOURCE' },
    });
    const tomorrow = tokyoInDays(1, '00:00').slice(0, 10);
    const future = (
      await recordDeal({ meetingId, type: 'ORDER', title: '来月成約予定', stage: 'WON', closedOn: tomorrow })
    ).errors?.[0];
    expect(future?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(future?.message).toBe(
      '成約日・不成立日は今日以前の日付にしてください（これからの成約は「商談中」で記録します）',
    );
    expect(
      await field({ meetingId, type: 'ORDER', title: '商談中に成約日', closedOn: '2026-04-30' }),
    ).toMatchObject({
      field: 'closedOn',
    });
    expect(await field({ meetingId, type: 'ORDER', title: '' })).toMatchObject({ field: 'title' });
    expect(await field({ meetingId, type: 'ORDER', title: '間隔', followUpInMonths: 0 })).toMatchObject({
      field: 'followUpInMonths',
    });
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM deals`);
    expect(after).toBe(before);

    expect(
      failure(
        await t.gql(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { dueOn: '2026-12-01' } },
          staff,
        ),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dealId' });
    expect(
      failure(await t.gql('{ followUpsDue(before: "12/01") { totalCount } }', {}, staff)).extensions,
    ).toMatchObject({
      field: 'before',
    });
  });

  it("counts in the year's report exactly the deals the list shows", async () => {
    const list = async (filter: Record<string, unknown>) =>
      ok(
        await t.gql<{ deals: { totalCount: number } }>(
          'query($filter: DealFilter) { deals(filter: $filter) { totalCount } }',
          { filter },
          staff,
        ),
      ).deals.totalCount;
    const { year } = thisYear();
    const report = ok(
      await t.gql<{ fiscalYearReport: { deals: { recorded: number; lost: number; won: number } } }>(
        'query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) { deals { recorded won lost } } }',
        { org: orgId, fy: year },
        staff,
      ),
    ).fiscalYearReport.deals;
    expect(report.recorded).toBe(await list({ fiscalYear: year }));
    expect(report.lost).toBe(await list({ fiscalYear: year, stage: 'LOST' }));
    // The 成約 closed today counts as won in this year, as the list filtered by its closing year.
    expect(report.won).toBe(await list({ fiscalYear: year, stage: 'WON' }));
    expect(report.won).toBe(1);
  });

  it("lists the follow-ups done in a year, as many as the year's report counts, also as CSV", async () => {
    const fiscalYear = fiscalYearOf(new Date());
    const { followUpsDone, fiscalYearReport } = ok(
      await t.gql<{
        followUpsDone: {
          totalCount: number;
          edges: { node: { id: string; result: string; done: boolean } }[];
        };
        fiscalYearReport: { followUps: { done: number } };
      }>(
        `query($org: ID!, $fy: Int!) {
           followUpsDone(fiscalYear: $fy) { totalCount edges { node { id result done } } }
           fiscalYearReport(organizationId: $org, fiscalYear: $fy) { followUps { done } } }`,
        { org: orgId, fy: fiscalYear },
        staff,
      ),
    );
    expect(followUpsDone.totalCount).toBe(fiscalYearReport.followUps.done);
    expect(followUpsDone.edges.map(({ node }) => node)).toEqual([
      expect.objectContaining({ result: '追加発注の見込みあり', done: true }),
    ]);
    const { status, bom, lines } = await fetchCsv(
      t,
      `/exports/follow-ups-done.csv?fiscalYear=${fiscalYear}`,
      staff,
    );
    expect({ status, bom }).toEqual({ status: 200, bom: true });
    expect(lines[0]).toBe(
      '実施日,期日,対象の商談,氏名,事業者名,確認すること,担当,実施者,結果,フォローアップID',
    );
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual([followUpsDone.edges[0].node.id]);
    expect(lines[1]).toContain(',追加発注の見込みあり,');
    // Another organisation's staff see none of them; a year that is not one is refused on the field.
    expect(
      ok(
        await t.gql<{ followUpsDone: { totalCount: number } }>(
          '{ followUpsDone(fiscalYear: 2026) { totalCount } }',
          {},
          otherStaff,
        ),
      ).followUpsDone.totalCount,
    ).toBe(0);
    expect(
      failure(await t.gql('{ followUpsDone(fiscalYear: 26) { totalCount } }', {}, staff)).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fiscalYear',
    });
  });

  it('records a visit entered afterwards on the day it was made, in that year, with who recorded it', async () => {
    const fiscalYear = fiscalYearOf(new Date());
    // The last day of the year before: a 巡回指導 made on 31 March, entered in this year.
    const lastDayBefore = `${fiscalYear}-03-31`;
    const { scheduleFollowUp: visit } = ok(
      await t.gql<{ scheduleFollowUp: { id: string } }>(
        'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
        { input: { participantId: people.c.id, dueOn: lastDayBefore, notes: '巡回指導（年度末）' } },
        staff,
      ),
    );
    const complete = (doneOn: string) =>
      t.gql<{ completeFollowUp: { completed: { done: boolean; doneAt: string; completedByName: string } } }>(
        'mutation($id: ID!, $on: String) { completeFollowUp(id: $id, result: "計画どおり", doneOn: $on) { completed { done doneAt completedByName } } }',
        { id: visit.id, on: doneOn },
        staff,
      );
    const future = failure(await complete(addDays(tokyoDateOf(new Date()), 1)));
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'doneOn' });
    expect(future.message).toContain('実施日は YYYY-MM-DD の形式で、今日（');

    // The next check comes after the visit, not before it.
    const sameDay = failure(
      await t.gql(
        'mutation($id: ID!, $on: String, $next: String) { completeFollowUp(id: $id, doneOn: $on, nextDueOn: $next) { completed { id } } }',
        { id: visit.id, on: tokyoDateOf(new Date()), next: addDays(lastDayBefore, 1) },
        staff,
      ),
    );
    expect(sameDay.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nextDueOn' });
    expect(sameDay.message).toBe(
      `次回の期日は今回の実施日（${tokyoDateOf(new Date())}）より後の日付にしてください`,
    );

    const [{ name: staffName }] = await t.dataSource.query('SELECT name FROM users WHERE id = $1', [
      staffUserId,
    ]);
    const { completed } = ok(await complete(lastDayBefore)).completeFollowUp;
    expect(completed).toMatchObject({ done: true, completedByName: staffName });
    expect(completed.doneAt).toBe(`${lastDayBefore}T12:00:00+09:00`);
    // It counts in the year it was made, not the year it was entered.
    const doneIn = async (year: number) =>
      ok(
        await t.gql<{ followUpsDone: { edges: { node: { id: string } }[] } }>(
          'query($fy: Int!) { followUpsDone(fiscalYear: $fy, first: 100) { edges { node { id } } } }',
          { fy: year },
          staff,
        ),
      ).followUpsDone.edges.map(({ node }) => node.id);
    expect(await doneIn(fiscalYear - 1)).toContain(visit.id);
    expect(await doneIn(fiscalYear)).not.toContain(visit.id);
    const { lines } = await fetchCsv(t, `/exports/follow-ups-done.csv?fiscalYear=${fiscalYear - 1}`, staff);
    const row = lines.find((line) => line.endsWith(`,${visit.id}`))!;
    expect(row.startsWith(`${lastDayBefore},${lastDayBefore},`)).toBe(true);
    expect(row).toContain(`,${staffName},計画どおり,`);
  });

  it('exports the deals and the follow-ups due as CSV that Excel opens in Japanese', async () => {
    const get = (path: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${staff}` } });
    const { year, firstDay, today } = thisYear();
    const label = fiscalYearLabel(year);
    const deals = await fetchCsv(t, `/exports/deals.csv?fiscalYear=${year}`, staff);
    expect(deals).toMatchObject({ status: 200, bom: true });
    expect(deals.disposition).toContain(encodeURIComponent(`${label}_商談一覧.csv`));
    expect(
      deals.text.startsWith(
        '開始年度,商談開始日,種類,段階,成約日・不成立日,成約・不成立年度,概要,金額（円）',
      ),
    ).toBe(true);
    // The header and the two deals started this year, by start date: the one given up, begun on
    // the year's first day, then the meeting's, today (and by id on 1 April, when both began then).
    expect(deals.lines).toHaveLength(3);
    const byTitle = (title: string) => deals.lines.find((line) => line.includes(`,${title},`))!;
    const lost = byTitle('地場野菜を使った新商品の共同開発');
    const won = byTitle('精密部品の試作 500 個');
    const order = (line: string) => `${line.split(',')[1]} ${line.split(',').at(-1)}`; // 商談開始日, 商談ID
    expect(deals.lines.slice(1)).toEqual([lost, won].sort((a, b) => (order(a) < order(b) ? -1 : 1)));
    expect(lost).toContain(
      `${label},${firstDay},共同開発,不成立,${today},${label},地場野菜を使った新商品の共同開発,,佐藤 次郎,佐藤食品`,
    );
    expect(won).toContain(
      `,受発注,成約,${today},${label},精密部品の試作 500 個,2100000,髙橋 一郎,髙橋精密工業株式会社`,
    );
    // 面談から as every yes/no of an export: this one was recorded without a meeting.
    expect(lost.split(',')[deals.lines[0].split(',').indexOf('面談から')]).toBe('いいえ');
    expect(won).toContain(',しんきん ビジネスマッチング商談会,はい,城北信用金庫,テスト 担当,初回納品済み,');

    // Only one side left a phone number: the other's is marked, so the numbers still pair up.
    await t.dataSource.query(`UPDATE participants SET phone = '03-3734-0000' WHERE id = $1`, [people.a.id]);
    const {
      text: csv,
      bom,
      disposition,
    } = await fetchCsv(t, '/exports/follow-ups.csv?before=2099-12-31', staff);
    expect(bom).toBe(true);
    // `before` leaves its day out; 「まで」 names the last day in.
    expect(decodeURIComponent(disposition)).toContain('フォローアップ予定_2099-12-30まで.csv');
    expect(csv.startsWith('期日,対象の商談,氏名,事業者名,確認すること,担当')).toBe(true);
    expect(csv).toContain('2026-12-01,,佐藤 次郎,佐藤食品,事業計画（販路開拓）の進捗を確認,テスト 担当');
    // A deal's follow-up names both its sides and how to reach them, as the weekly email does.
    expect(csv.split('\r\n')[0]).toBe(
      '期日,対象の商談,氏名,事業者名,確認すること,担当,担当の状態,メールアドレス,電話番号,フォローアップID',
    );
    expect(csv).toContain(
      `2099-05-10,精密部品の試作 500 個,髙橋 一郎、山﨑 花子,髙橋精密工業株式会社、山﨑デザイン事務所,` +
        `「精密部品の試作 500 個」の進捗確認,テスト 担当,有効,${people.a.email}、${people.b.email},03-3734-0000、（なし）,`,
    );
    expect((await get('/exports/deals.csv?fiscalYear=26年')).status).toBe(400);
    for (const query of ['', '?before=2027-02-30', '?before=12/01']) {
      const bad = await get(`/exports/follow-ups.csv${query}`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: 'BAD_USER_INPUT',
        field: 'before',
        message: '日付は YYYY-MM-DD の形式で、2000〜2100年の実在する日を指定してください',
      });
    }
    expect((await fetch(`${t.url}/exports/deals.csv`)).status).toBe(401);
  });
  it('pages through the follow-ups due by date, and exports every one of them', async () => {
    // More than the largest page (200), many on the same day, so the id has to break the ties.
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '尼崎市産業振興課', kind: 'MUNICIPALITY' });
    const orgStaff = await staffSession(t, Role.STAFF, org);
    const person = await createParticipant(t, orgStaff, { name: '岡本 健', company: { name: '岡本鉄工所' } });
    const COUNT = 230;
    await t.dataSource.query(
      `INSERT INTO follow_ups (organization_id, participant_id, due_on, notes)
       SELECT $1, $2, DATE '2026-10-01' + (i % 20), '進捗確認 ' || i FROM generate_series(1, $3) AS i`,
      [org, person.id, COUNT],
    );
    const expected: string[] = (
      await t.dataSource.query(`SELECT id FROM follow_ups WHERE organization_id = $1 ORDER BY due_on, id`, [
        org,
      ])
    ).map((row: { id: string }) => row.id);

    // In the order the staff work in: by due date.
    await expectPaging(
      (paging) =>
        t.gql(
          `query($first: Int, $after: String) {
            followUpsDue(before: "2027-01-01", first: $first, after: $after) {
              totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
            }
          }`,
          paging,
          orgStaff,
        ),
      expected,
    );

    const rows = (await fetchCsv(t, '/exports/follow-ups.csv?before=2027-01-01', orgStaff)).lines.slice(1);
    expect(rows.map((row) => row.split(',').at(-1))).toEqual(expected);
  });

  it('lists for a fiscal year exactly the deals the 年度 report counts, across the 31 March boundary', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '足立信用組合' });
    const ownStaff = await staffSession(t, Role.STAFF, org);
    const deal = async (
      title: string,
      stage: string,
      startedOn: string,
      closedOn: string | null,
      amountYen: number,
    ) =>
      ok(
        await recordDeal(
          {
            participantAId: people.a.id,
            participantBId: people.b.id,
            type: 'ORDER',
            title,
            stage,
            startedOn,
            amountYen,
            ...(closedOn ? { closedOn } : {}),
            reason: RECORDED_LATE,
          },
          ownStaff,
        ),
      );
    // One year back, so that every 成約 lies in the past. Started in FY2024, won on the first day of
    // FY2025: new in 2024, 成約 in 2025.
    await deal('年度をまたいだ成約', 'WON', '2025-03-31', '2025-04-01', 1_000_001);
    // Started and won in FY2025, and won on its last day.
    await deal('年度内の成約', 'WON', '2025-04-01', '2026-03-31', 2_000_000);
    // Started in FY2025, won in FY2026: new in 2025 only.
    await deal('翌年度の成約', 'WON', '2026-03-31', '2026-04-01', 4_000_000);
    await deal('不成立', 'LOST', '2024-12-01', '2025-04-02', 8_000_000);
    await deal('商談中', 'NEGOTIATING', '2025-05-01', null, 16_000_000);

    const report = ok(
      await t.gql<{
        fiscalYearReport: { deals: { recorded: number; won: number; lost: number; wonAmountYen: number } };
      }>(
        'query($org: ID!) { fiscalYearReport(organizationId: $org, fiscalYear: 2025) { deals { recorded won lost wonAmountYen } } }',
        { org },
        ownStaff,
      ),
    ).fiscalYearReport.deals;
    const rows = async (query: string) => {
      const [header, ...lines] = (await fetchCsv(t, `/exports/deals.csv?${query}`, ownStaff)).lines;
      const amount = header.split(',').indexOf('金額（円）');
      return {
        count: lines.length,
        amountYen: lines.reduce((sum, line) => sum + Number(line.split(',')[amount]), 0),
      };
    };
    const won = await rows('fiscalYear=2025&stage=WON');
    expect(report).toEqual({ recorded: 3, won: 2, lost: 1, wonAmountYen: 3_000_001 });
    expect(won).toEqual({ count: report.won, amountYen: report.wonAmountYen });
    expect((await rows('fiscalYear=2025&stage=LOST')).count).toBe(report.lost);
    expect((await rows('fiscalYear=2025')).count).toBe(report.recorded);
  });

  it('refuses a 商談開始日 still to come on startedOn, and a start moved past the closing date', async () => {
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const nextYear = addDays(today, 365);
    const parties = { participantAId: people.a.id, participantBId: people.c.id, type: 'ORDER' };
    // 2027-04-01 typed for 2026-04-01: refused where it was typed, not later when the deal closes.
    const typo = failure(await recordDeal({ ...parties, title: '年の打ち間違い', startedOn: nextYear }));
    expect(typo.message).toBe(`商談開始日は今日（${today}）以前の日付にしてください`);
    expect(typo.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DEAL_STARTED_ON_INVALID',
      field: 'startedOn',
    });
    const started = ok(await recordDeal({ ...parties, title: '今日から', startedOn: today })).recordDeal;
    expect(started.startedOn).toBe(today);
    expect(failure(await updateDeal(started.id, { startedOn: nextYear })).extensions).toMatchObject({
      reason: 'DEAL_STARTED_ON_INVALID',
      field: 'startedOn',
    });

    // In April and early May it begins in the 年度 that ended, which takes a reason.
    const closed = ok(
      await recordDeal({
        ...parties,
        title: '先月の成約',
        stage: 'WON',
        startedOn: addDays(today, -40),
        closedOn: addDays(today, -30),
        reason: RECORDED_LATE,
      }),
    ).recordDeal;
    const moved = failure(await updateDeal(closed.id, { startedOn: addDays(today, -20) }));
    expect(moved.message).toBe(
      `商談開始日は成約日・不成立日（${addDays(today, -30)}）以前の日付にしてください`,
    );
    expect(moved.extensions).toMatchObject({ reason: 'DEAL_STARTED_ON_INVALID', field: 'startedOn' });
    // Both dates given: the closing date is the one that does not fit, as when recording.
    expect(
      failure(await updateDeal(closed.id, { startedOn: addDays(today, -20), closedOn: addDays(today, -25) }))
        .extensions,
    ).toMatchObject({ field: 'closedOn' });
    // In April the deal started in the 年度 that ended: a change to it then needs a reason.
    const corrected = { startedOn: addDays(today, -30), reason: '開始日の入力誤り' };
    expect(ok(await updateDeal(closed.id, corrected)).updateDeal).toMatchObject({
      startedOn: addDays(today, -30),
      closedOn: addDays(today, -30),
    });
  });

  it("deletes a deal entered twice with its follow-ups, and cancels follow-ups no longer needed, out of the year's figures", async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '葛飾区商工会' });
    const ownStaff = await staffSession(t, Role.STAFF, org);
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const fiscalYear = fiscalYearOf(new Date());
    const figures = async () =>
      ok(
        await t.gql<{
          fiscalYearReport: { deals: { recorded: number }; followUps: Record<string, number> };
          followUpsDone: { totalCount: number };
          deals: { totalCount: number };
        }>(
          `query($org: ID!, $fy: Int!) {
             fiscalYearReport(organizationId: $org, fiscalYear: $fy) { deals { recorded } followUps { due done open overdue } }
             followUpsDone(fiscalYear: $fy) { totalCount }
             deals(filter: { fiscalYear: $fy }) { totalCount } }`,
          { org, fy: fiscalYear },
          ownStaff,
        ),
      );
    const mutate = <T = Record<string, unknown>>(operation: string, id: string, token = ownStaff) =>
      t.gql<T>(`mutation($id: ID!) { ${operation} }`, { id }, token);
    const complete = (id: string) =>
      mutate(`completeFollowUp(id: $id, result: "確認済み") { completed { id } }`, id);
    const cancel = (id: string, token = ownStaff) =>
      mutate<{ cancelFollowUp: Record<string, unknown> }>(
        'cancelFollowUp(id: $id) { id done doneAt cancelled cancelledAt statusLabel }',
        id,
        token,
      );
    const deleteDeal = (id: string, token = ownStaff) =>
      mutate<{ deleteDeal: { id: string; followUpsDeleted: number; followUpsMoved: number } }>(
        'deleteDeal(id: $id) { id followUpsDeleted followUpsMoved }',
        id,
        token,
      );
    const followUpOf = async (dealId: string) =>
      (
        (await t.dataSource.query('SELECT id FROM follow_ups WHERE deal_id = $1', [dealId])) as {
          id: string;
        }[]
      )[0].id;

    // The same deal entered twice, the duplicate with a follow-up planned (none done on it yet).
    const input = {
      participantAId: people.a.id,
      participantBId: people.b.id,
      type: 'ORDER',
      title: '試作部品の発注',
      startedOn: today,
    };
    const deal = ok(await recordDeal(input, ownStaff)).recordDeal;
    const twice = ok(await recordDeal({ ...input, followUpInMonths: 1 }, ownStaff)).recordDeal;
    const planned = await followUpOf(twice.id);
    const before = await figures();
    expect(before.fiscalYearReport.deals.recorded).toBe(2);

    // Only its own organisation's staff may, as for updateDeal.
    expect(failure(await deleteDeal(twice.id, otherStaff)).extensions?.code).toBe('FORBIDDEN');
    expect(ok(await deleteDeal(twice.id)).deleteDeal).toEqual({
      id: twice.id,
      followUpsDeleted: 1,
      followUpsMoved: 0,
    });
    expect(await t.dataSource.query('SELECT id FROM follow_ups WHERE id = $1', [planned])).toEqual([]);
    expect(
      failure(await t.gql('query($id: ID!) { deal(id: $id) { id } }', { id: twice.id }, ownStaff)).extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect(failure(await deleteDeal(twice.id)).extensions?.code).toBe('NOT_FOUND');
    const afterDelete = await figures();
    expect(afterDelete.fiscalYearReport.deals.recorded).toBe(1);
    expect(afterDelete.deals.totalCount).toBe(1);
    expect(afterDelete.followUpsDone.totalCount).toBe(0);
    expect(afterDelete.fiscalYearReport.followUps.done).toBe(0);

    // A follow-up on the deal is done; one on a participant's plan is no longer needed (廃業).
    const schedule = async (subject: Record<string, string>) =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { ...subject, dueOn: today } },
          ownStaff,
        ),
      ).scheduleFollowUp.id;
    const visit = await schedule({ dealId: deal.id });
    const plan = await schedule({ participantId: people.c.id });
    ok(await complete(visit));
    expect(failure(await cancel(plan, otherStaff)).message).toBe(
      '他の団体が記録したフォローアップです。記録した団体のスタッフ（または管理者）が操作できます',
    );
    const cancelled = ok(await cancel(plan)).cancelFollowUp;
    expect(cancelled).toEqual({
      id: plan,
      done: false,
      doneAt: null,
      cancelled: true,
      cancelledAt: expect.any(String),
      statusLabel: '取りやめ',
    });
    // Off the to-do list, and counted neither as done nor as still open.
    expect((await due(addDays(today, 1), ownStaff)).map((f) => f.id)).toEqual([]);
    const after = await figures();
    expect(after.fiscalYearReport.followUps).toEqual({ due: 1, done: 1, open: 0, overdue: 0 });
    expect(after.followUpsDone.totalCount).toBe(1);
    const csv = await fetchCsv(t, `/exports/follow-ups-done.csv?fiscalYear=${fiscalYear}`, ownStaff);
    expect(csv.lines.slice(1).map((line) => line.split(',').at(-1))).toEqual([visit]);
    // Closed either way: each refusal says which.
    expect(failure(await complete(plan)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DEAL_FOLLOW_UP_CANCELLED',
    });
    expect(failure(await cancel(plan)).message).toBe('このフォローアップは取りやめ済みです');
    expect(failure(await cancel(visit)).extensions).toMatchObject({ reason: 'DEAL_FOLLOW_UP_DONE' });
  });

  it('asks why a deal counted in an ended 年度 is deleted, and keeps a record of every deletion', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '足立区商工会' });
    const ownStaff = await staffSession(t, Role.STAFF, org, 'adachi-tanto@example.jp');
    const [{ id: ownStaffId }]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'adachi-tanto@example.jp'`,
    );
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const lastYear = fiscalYearOf(new Date()) - 1;
    const deleteDeal = (id: string, reason?: string | null, token = ownStaff) =>
      t.gql<{ deleteDeal: { id: string; followUpsDeleted: number } }>(
        'mutation($id: ID!, $reason: String) { deleteDeal(id: $id, reason: $reason) { id followUpsDeleted } }',
        { id, reason },
        token,
      );
    // Recorded in its year, when no reason was asked and no record left.
    const record = async (input: Record<string, unknown>) => {
      const deal = ok(
        await recordDeal(
          {
            participantAId: people.a.id,
            participantBId: people.b.id,
            type: 'ORDER',
            title: '精密部品の量産',
            reason: RECORDED_LATE,
            ...input,
          },
          ownStaff,
        ),
      ).recordDeal;
      await asRecordedInItsYear(t, deal.id);
      return deal;
    };
    const deletions = (dealId: string) =>
      t.dataSource.query(
        `SELECT kind, deal_id, organization_id, event_id, type, stage, title, amount_yen::float8 AS amount_yen,
                started_on::text AS started_on, closed_on::text AS closed_on, type_after, corrected_by_id, reason,
                corrected_at > now() - interval '1 minute' AS just_now
           FROM deal_corrections WHERE deal_id = $1`,
        [dealId],
      );
    const stillThere = async (dealId: string) =>
      (await t.dataSource.query('SELECT id FROM deals WHERE id = $1', [dealId])).length === 1;

    // 成約 last 年度, reported at its end; entered twice.
    const won = await record({
      stage: 'WON',
      amountYen: 3_000_000,
      startedOn: `${lastYear}-06-01`,
      closedOn: `${lastYear}-09-30`,
      followUpInMonths: 4,
    });
    // Without a reason, or with a blank one, it stays, named on the field, and nothing is written.
    for (const reason of [undefined, null, '', ' \u3000 ']) {
      const refused = failure(await deleteDeal(won.id, reason));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEAL_DELETION_REASON_REQUIRED',
        field: 'reason',
      });
      expect(refused.message).toBe(
        `この商談は終了した年度（${fiscalYearLabel(lastYear)}）の実績に数えられています。` +
          '削除の理由を入力してください（年度終了後の訂正として、その年度の実績報告に載ります）',
      );
    }
    expect(await stillThere(won.id)).toBe(true);
    expect(await deletions(won.id)).toEqual([]);
    expect(await t.dataSource.query('SELECT id FROM follow_ups WHERE deal_id = $1', [won.id])).toHaveLength(
      1,
    );
    // Another organisation is refused before anything is asked of the reason.
    expect(failure(await deleteDeal(won.id, '二重登録', otherStaff)).extensions?.code).toBe('FORBIDDEN');

    expect(ok(await deleteDeal(won.id, '  二重登録（同じ商談を2回入力）  ')).deleteDeal).toEqual({
      id: won.id,
      followUpsDeleted: 1,
    });
    expect(await stillThere(won.id)).toBe(false);
    expect(await deletions(won.id)).toEqual([
      {
        kind: 'DELETED',
        deal_id: won.id,
        organization_id: org,
        event_id: null,
        type: 'ORDER',
        stage: 'WON',
        title: '精密部品の量産',
        amount_yen: 3_000_000,
        started_on: `${lastYear}-06-01`,
        closed_on: `${lastYear}-09-30`,
        type_after: null,
        corrected_by_id: ownStaffId,
        reason: '二重登録（同じ商談を2回入力）',
        just_now: true,
      },
    ]);

    // Started last 年度 and still under way: it counts there as 新規商談, so a reason is asked too.
    const started = await record({ startedOn: `${lastYear}-12-01` });
    expect(failure(await deleteDeal(started.id)).extensions).toMatchObject({ field: 'reason' });
    ok(await deleteDeal(started.id, '別の団体の商談を誤って登録'));

    // This 年度's deal goes as before, with or without a reason, and is recorded all the same.
    const current = await record({ startedOn: today, amountYen: 500_000 });
    expect(ok(await deleteDeal(current.id)).deleteDeal).toEqual({ id: current.id, followUpsDeleted: 0 });
    expect(await deletions(current.id)).toEqual([
      expect.objectContaining({ deal_id: current.id, started_on: today, amount_yen: 500_000, reason: '' }),
    ]);
    const explained = await record({ startedOn: today });
    ok(await deleteDeal(explained.id, '二重登録'));
    expect(await deletions(explained.id)).toEqual([expect.objectContaining({ reason: '二重登録' })]);
  });

  it("keeps an ended 年度's visits when the copy of a deal they were done on is deleted: they move to the copy kept", async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const {
      org,
      staff: own,
      a,
      b,
      lastYear,
      record,
    } = await correctingOrganization(t, admin, { name: '墨田区商工会' }, [
      { name: '小林 健', company: '小林製作所' },
      { name: '中村 優子', company: '中村商事' },
    ]);
    // Without moveFollowUpsTo, the mutation as it was written before the argument existed.
    const deleteDeal = (id: string, moveFollowUpsTo?: string, token = own) =>
      t.gql<{ deleteDeal: { id: string; followUpsDeleted: number; followUpsMoved: number } }>(
        moveFollowUpsTo
          ? `mutation($id: ID!, $to: ID) {
               deleteDeal(id: $id, reason: "二重登録", moveFollowUpsTo: $to) { id followUpsDeleted followUpsMoved } }`
          : 'mutation($id: ID!) { deleteDeal(id: $id, reason: "二重登録") { id followUpsDeleted } }',
        { id, ...(moveFollowUpsTo ? { to: moveFollowUpsTo } : {}) },
        token,
      );
    const schedule = async (dealId: string, dueOn: string) =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { dealId, dueOn, notes: '加工品質の確認' } },
          own,
        ),
      ).scheduleFollowUp.id;
    const followUpsOf = async (dealId: string) =>
      (
        (await t.dataSource.query(
          `SELECT id, result, done_at IS NOT NULL AS closed, cancelled_at IS NOT NULL AS cancelled
             FROM follow_ups WHERE deal_id = $1 ORDER BY due_on`,
          [dealId],
        )) as { id: string; result: string; closed: boolean; cancelled: boolean }[]
      ).map(({ id, result, closed, cancelled }) => ({ id, result, closed, cancelled }));
    const lastYears = async () => {
      const read = ok(
        await t.gql<{
          fiscalYearReport: { followUps: { done: number }; dealsDeletedAfterYearEnd: { deals: number } };
          followUpsDone: { edges: { node: { id: string; dealId: string; result: string } }[] };
        }>(
          `query($org: ID!, $fy: Int!) {
             fiscalYearReport(organizationId: $org, fiscalYear: $fy) { followUps { done } dealsDeletedAfterYearEnd { deals } }
             followUpsDone(fiscalYear: $fy, first: 50) { edges { node { id dealId result } } } }`,
          { org, fy: lastYear },
          own,
        ),
      );
      const { lines } = await fetchCsv(
        t,
        `/exports/reports/fiscal-year.csv?organizationId=${org}&fiscalYear=${lastYear}`,
        own,
      );
      return {
        done: read.fiscalYearReport.followUps.done,
        deleted: read.fiscalYearReport.dealsDeletedAfterYearEnd.deals,
        visits: read.followUpsDone.edges.map(({ node }) => node),
        csv: lines.filter((line) => line.startsWith('フォローアップ,年度内に完了,')),
      };
    };

    // 成約 last 年度, entered twice; the three visits of that year were recorded on the copy.
    const won = { title: '金属加工の受注', stage: 'WON', amountYen: 2_000_000 };
    const kept = await record({ ...won, startedOn: `${lastYear}-05-01`, closedOn: `${lastYear}-06-01` });
    const copy = await record({ ...won, startedOn: `${lastYear}-05-01`, closedOn: `${lastYear}-06-01` });
    const visits: string[] = [];
    for (const [day, found] of [
      [`${lastYear}-07-10`, '初回納品の品質良好'],
      [`${lastYear}-10-10`, '追加発注の相談あり'],
      [`${lastYear + 1}-01-10`, '年間契約を検討中'],
    ]) {
      const id = await schedule(copy, day);
      ok(
        await t.gql(
          'mutation($id: ID!, $on: String, $result: String!) { completeFollowUp(id: $id, result: $result, doneOn: $on) { completed { id } } }',
          { id, on: day, result: found },
          own,
        ),
      );
      visits.push(id);
    }
    // The next visit planned, and one no longer needed (取りやめ).
    const planned = await schedule(copy, `${lastYear + 1}-02-10`);
    const dropped = await schedule(copy, `${lastYear + 1}-03-10`);
    ok(await t.gql('mutation($id: ID!) { cancelFollowUp(id: $id) { id } }', { id: dropped }, own));
    const reported = await lastYears();
    expect(reported).toMatchObject({ done: 3, deleted: 0, csv: ['フォローアップ,年度内に完了,,3,件'] });

    // Deleted without saying where its visits go, it stays, the field named, and nothing is written:
    // the ended year's 実施件数 stands as reported.
    const attempt = await deleteDeal(copy);
    expect((await lastYears()).done).toBe(3);
    const refused = failure(attempt);
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DEAL_FOLLOW_UPS_DONE_NOT_MOVED',
      field: 'moveFollowUpsTo',
    });
    expect(refused.message).toBe(
      'この商談には完了したフォローアップが 3 件あります（実施した訪問・確認の記録で、年度実績の実施件数に数えられています）。' +
        '移す先の商談（二重登録なら残す方の商談）を moveFollowUpsTo に指定してください。残す商談がなければ、正しい商談を記録してから削除してください',
    );
    expect(await t.dataSource.query('SELECT id FROM deals WHERE id = $1', [copy])).toHaveLength(1);
    expect(await followUpsOf(copy)).toHaveLength(5);
    expect(await t.dataSource.query('SELECT id FROM deal_corrections WHERE deal_id = $1', [copy])).toEqual(
      [],
    );

    // Not onto itself, nor a deal between other people, another organisation's, one that began after
    // the visits, or one that is not there.
    const destination = async (to: string, token = own) =>
      failure(await deleteDeal(copy, to, token)).extensions;
    expect(await destination(copy)).toMatchObject({
      reason: 'DEAL_FOLLOW_UPS_DESTINATION_INVALID',
      field: 'moveFollowUpsTo',
    });
    const withOther = await asRecordedInItsYear(
      t,
      ok(
        await recordDeal(
          {
            participantAId: a.id,
            participantBId: people.c.id,
            type: 'ORDER',
            title: '別の商談',
            startedOn: `${lastYear}-05-01`,
            reason: RECORDED_LATE,
          },
          own,
        ),
      ).recordDeal.id,
    );
    const othersDeal = await asRecordedInItsYear(
      t,
      ok(
        await recordDeal({
          participantAId: a.id,
          participantBId: b.id,
          type: 'ORDER',
          title: '信金の商談',
          startedOn: `${lastYear}-05-01`,
          reason: RECORDED_LATE,
        }),
      ).recordDeal.id,
    );
    for (const to of [withOther, othersDeal])
      expect(await destination(to)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEAL_FOLLOW_UPS_DESTINATION_INVALID',
        field: 'moveFollowUpsTo',
      });
    const later = await record({ title: '金属加工の受注', startedOn: `${lastYear}-08-01` });
    const tooLate = failure(await deleteDeal(copy, later));
    expect(tooLate.extensions).toMatchObject({ reason: 'DEAL_FOLLOW_UPS_DESTINATION_INVALID' });
    expect(tooLate.message).toBe(
      `移す先の商談の商談開始日（${lastYear}-08-01）より前のフォローアップ（${lastYear}-07-10）があります。` +
        '移す先の商談開始日を直してから削除してください',
    );
    expect(await destination('00000000-0000-4000-8000-000000000000')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'moveFollowUpsTo',
    });
    expect(await followUpsOf(copy)).toHaveLength(5);

    // Moved to the copy kept: the visits done and the one planned; the one dropped goes with the copy.
    expect(ok(await deleteDeal(copy, kept)).deleteDeal).toEqual({
      id: copy,
      followUpsDeleted: 1,
      followUpsMoved: 4,
    });
    expect(await t.dataSource.query('SELECT id FROM deals WHERE id = $1', [copy])).toEqual([]);
    expect(await t.dataSource.query('SELECT id FROM follow_ups WHERE id = $1', [dropped])).toEqual([]);
    expect(await followUpsOf(kept)).toEqual([
      { id: visits[0], result: '初回納品の品質良好', closed: true, cancelled: false },
      { id: visits[1], result: '追加発注の相談あり', closed: true, cancelled: false },
      { id: visits[2], result: '年間契約を検討中', closed: true, cancelled: false },
      { id: planned, result: '', closed: false, cancelled: false },
    ]);
    // The ended year's 実施件数 stands as reported, visit by visit; only the deal's deletion is a correction.
    const after = await lastYears();
    expect(after).toMatchObject({ done: 3, deleted: 1, csv: ['フォローアップ,年度内に完了,,3,件'] });
    expect(after.visits).toEqual(
      visits.map((id, i) => ({ id, dealId: kept, result: reported.visits[i].result })),
    );

    // A deal with no visit done goes as before, with its follow-ups.
    const untouched = await record({ title: '見積もり依頼', startedOn: `${lastYear}-09-01` });
    await schedule(untouched, `${lastYear}-10-01`);
    expect(ok(await deleteDeal(untouched)).deleteDeal).toEqual({ id: untouched, followUpsDeleted: 1 });
  });

  it('asks why a deal recorded after its 年度 ended counts in it, and keeps a record of each such deal', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '江東区商工会' });
    const ownStaff = await staffSession(t, Role.STAFF, org, 'koto-tanto@example.jp');
    const [{ id: ownStaffId }]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'koto-tanto@example.jp'`,
    );
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const lastYear = fiscalYearOf(new Date()) - 1;
    const record = (input: Record<string, unknown>) =>
      recordDeal(
        {
          participantAId: people.a.id,
          participantBId: people.b.id,
          type: 'ORDER',
          title: '金型の受注',
          ...input,
        },
        ownStaff,
      );
    const additions = () =>
      t.dataSource.query(
        `SELECT c.kind, c.deal_id, c.organization_id, c.title, c.type, c.stage, c.amount_yen, c.started_on,
                c.closed_on, c.type_after, c.stage_after, c.amount_yen_after::float8 AS amount_yen_after,
                c.started_on_after::text AS started_on_after, c.closed_on_after::text AS closed_on_after,
                c.corrected_by_id, c.reason, c.corrected_at > now() - interval '1 minute' AS just_now
           FROM deal_corrections c JOIN deals d ON d.id = c.deal_id
          WHERE d.organization_id = $1 ORDER BY c.corrected_at`,
        [org],
      );
    const dealsOf = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM deals WHERE organization_id = $1', [org]))[0]
        .n;

    // A 成約 of last 年度's March, entered only now: that year's figures, most likely reported, would
    // change. Without a reason (blank is none) it is refused, named on the field, and nothing is written.
    const late = {
      stage: 'WON',
      amountYen: 3_000_000,
      startedOn: `${lastYear + 1}-03-20`,
      closedOn: `${lastYear + 1}-03-28`,
      followUpInMonths: 2,
    };
    for (const reason of [undefined, null, '', ' \u3000 ']) {
      const refused = failure(await record({ ...late, reason }));
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
    expect(failure(await record({ ...late, reason: 'あ'.repeat(1001) })).message).toBe(
      '記録の理由は 1000 文字以内で入力してください',
    );
    // Begun two years ago and lost last year: both years are named, earliest first.
    expect(
      failure(
        await record({ stage: 'LOST', startedOn: `${lastYear - 1}-11-01`, closedOn: `${lastYear}-05-01` }),
      ).message,
    ).toContain(`（${fiscalYearLabel(lastYear - 1)}・${fiscalYearLabel(lastYear)}）`);
    expect(await dealsOf()).toBe(0);
    expect(await additions()).toEqual([]);

    // With a reason it is recorded, and the record says what it was recorded as: nothing before.
    const deal = ok(
      await record({ ...late, reason: '  記録漏れ（3月の成約を年度内に入力していなかった）  ' }),
    ).recordDeal;
    expect(deal).toMatchObject({ stage: 'WON', closedOn: `${lastYear + 1}-03-28` });
    expect(await additions()).toEqual([
      {
        kind: 'ADDED',
        deal_id: deal.id,
        organization_id: org,
        title: '金型の受注',
        type: null,
        stage: null,
        amount_yen: null,
        started_on: null,
        closed_on: null,
        type_after: 'ORDER',
        stage_after: 'WON',
        amount_yen_after: 3_000_000,
        started_on_after: `${lastYear + 1}-03-20`,
        closed_on_after: `${lastYear + 1}-03-28`,
        corrected_by_id: ownStaffId,
        reason: '記録漏れ（3月の成約を年度内に入力していなかった）',
        just_now: true,
      },
    ]);

    // This 年度's deal asks nothing, and a reason given is not used: no record either way.
    ok(await record({ startedOn: today }));
    ok(await record({ startedOn: today, stage: 'WON', closedOn: today, reason: '念のため' }));
    expect(await dealsOf()).toBe(3);
    expect(await additions()).toHaveLength(1);
  });

  it('leaves nothing half-written when a deletion fails part-way', async () => {
    const lastYear = fiscalYearOf(new Date()) - 1;
    const deal = ok(
      await recordDeal({
        participantAId: people.a.id,
        participantBId: people.c.id,
        type: 'HIRING',
        title: '技能実習生の受け入れ',
        startedOn: `${lastYear}-05-01`,
        followUpInMonths: 2,
        reason: RECORDED_LATE,
      }),
    ).recordDeal;
    await asRecordedInItsYear(t, deal.id);
    // The deal's row cannot go (a stand-in for any failure after the record is written).
    await t.dataSource.query(`
      CREATE FUNCTION refuse_deal_delete() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_deal_delete BEFORE DELETE ON deals FOR EACH ROW EXECUTE FUNCTION refuse_deal_delete();
    `);
    try {
      const refused = failure(
        await t.gql(
          'mutation($id: ID!) { deleteDeal(id: $id, reason: "二重登録") { id } }',
          { id: deal.id },
          staff,
        ),
      );
      expect(refused.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.dataSource.query(
        'DROP TRIGGER refuse_deal_delete ON deals; DROP FUNCTION refuse_deal_delete();',
      );
    }
    expect(await t.dataSource.query('SELECT id FROM deals WHERE id = $1', [deal.id])).toHaveLength(1);
    expect(await t.dataSource.query('SELECT id FROM follow_ups WHERE deal_id = $1', [deal.id])).toHaveLength(
      1,
    );
    expect(await t.dataSource.query('SELECT id FROM deal_corrections WHERE deal_id = $1', [deal.id])).toEqual(
      [],
    );
  });

  it('asks why a change moves the figures of an ended 年度, and keeps a record of each such change', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '北区商工会' });
    const ownStaff = await staffSession(t, Role.STAFF, org, 'kita-tanto@example.jp');
    const [{ id: ownStaffId }]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'kita-tanto@example.jp'`,
    );
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const thisYear = fiscalYearOf(new Date());
    const lastYear = thisYear - 1;
    // Recorded in its year, when no reason was asked and no record left.
    const record = async (input: Record<string, unknown>) => {
      const deal = ok(
        await recordDeal(
          {
            participantAId: people.a.id,
            participantBId: people.b.id,
            type: 'ORDER',
            title: '精密部品の量産',
            reason: RECORDED_LATE,
            ...input,
          },
          ownStaff,
        ),
      ).recordDeal;
      await asRecordedInItsYear(t, deal.id);
      return deal;
    };
    const update = (id: string, input: Record<string, unknown>, token = ownStaff) =>
      updateDeal(id, input, token);
    const corrections = (dealId: string) =>
      t.dataSource.query(
        `SELECT kind, title, type, stage, amount_yen::float8 AS amount_yen, started_on::text AS started_on,
                closed_on::text AS closed_on, type_after, stage_after, amount_yen_after::float8 AS amount_yen_after,
                started_on_after::text AS started_on_after, closed_on_after::text AS closed_on_after,
                corrected_by_id, reason, corrected_at > now() - interval '1 minute' AS just_now
           FROM deal_corrections WHERE deal_id = $1 ORDER BY corrected_at`,
        [dealId],
      );
    const asStored = async (dealId: string) =>
      (
        await t.dataSource.query(
          `SELECT type, stage, amount_yen::float8 AS amount_yen, started_on::text AS started_on,
                  closed_on::text AS closed_on, title FROM deals WHERE id = $1`,
          [dealId],
        )
      )[0];
    const refusedFor = (years: number[]) =>
      `この変更で終了した年度（${years.map((year) => fiscalYearLabel(year)).join('・')}）の実績が変わります。` +
      '変更の理由を入力してください（年度終了後の訂正として、その年度の実績報告に載ります）';

    // 成約 last 年度, reported at its end.
    const won = await record({
      stage: 'WON',
      amountYen: 3_000_000,
      startedOn: `${lastYear}-06-01`,
      closedOn: `${lastYear}-09-30`,
    });
    // What the year does not count needs no reason and leaves no record: notes, the title.
    ok(await update(won.id, { notes: '量産は来期から', title: '精密部品の量産（第1期）' }));
    expect(await corrections(won.id)).toEqual([]);

    // Reopening it, correcting its amount or type, moving its closing into this year: each changes
    // that year's 成約, so each is refused without a reason (blank is none), and nothing changes.
    const stored = await asStored(won.id);
    for (const input of [
      { stage: 'NEGOTIATING' },
      { amountYen: 2_500_000 },
      { amountYen: null },
      { type: 'JOINT_DEVELOPMENT' },
      { closedOn: today },
      { amountYen: 2_000_000, reason: ' \u3000 ' },
      { stage: 'NEGOTIATING', reason: null },
    ]) {
      const refused = failure(await update(won.id, input));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEAL_CHANGE_REASON_REQUIRED',
        field: 'reason',
      });
      expect(refused.message).toBe(refusedFor([lastYear]));
    }
    expect(await asStored(won.id)).toEqual(stored);
    expect(await corrections(won.id)).toEqual([]);
    // Another organisation is refused before anything is asked of the reason; too long a reason too.
    expect(failure(await update(won.id, { stage: 'NEGOTIATING' }, otherStaff)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(failure(await update(won.id, { stage: 'NEGOTIATING', reason: 'あ'.repeat(1001) })).message).toBe(
      '変更の理由は 1000 文字以内で入力してください',
    );

    // With a reason it changes, and the record says what the deal counted before and after.
    expect(
      ok(await update(won.id, { stage: 'NEGOTIATING', reason: '  先方の発注取り消し（成約の誤り）  ' }))
        .updateDeal,
    ).toMatchObject({ stage: 'NEGOTIATING', closedOn: null, amountYen: 3_000_000 });
    expect(await corrections(won.id)).toEqual([
      {
        kind: 'CHANGED',
        title: '精密部品の量産（第1期）',
        type: 'ORDER',
        stage: 'WON',
        amount_yen: 3_000_000,
        started_on: `${lastYear}-06-01`,
        closed_on: `${lastYear}-09-30`,
        type_after: 'ORDER',
        stage_after: 'NEGOTIATING',
        amount_yen_after: 3_000_000,
        started_on_after: `${lastYear}-06-01`,
        closed_on_after: null,
        corrected_by_id: ownStaffId,
        reason: '先方の発注取り消し（成約の誤り）',
        just_now: true,
      },
    ]);
    // Still 新規商談 of last year: its amount and its 成約 today (this year's) change nothing there.
    // A reason given where none is needed is not used, whatever its length.
    ok(await update(won.id, { amountYen: 1_000_000, reason: 'あ'.repeat(1001) }));
    ok(await update(won.id, { stage: 'WON', closedOn: today }));
    expect(await corrections(won.id)).toHaveLength(1);
    // Its start moved into this year takes it out of last year's 新規商談.
    expect(failure(await update(won.id, { startedOn: today })).message).toBe(refusedFor([lastYear]));
    ok(await update(won.id, { startedOn: today, reason: '開始日の入力誤り' }));
    expect(await corrections(won.id)).toEqual([
      expect.objectContaining({ stage_after: 'NEGOTIATING' }),
      expect.objectContaining({
        started_on: `${lastYear}-06-01`,
        started_on_after: today,
        stage_after: 'WON',
        closed_on_after: today,
        reason: '開始日の入力誤り',
      }),
    ]);

    // This year's deal moves through its stages as before; moved back into last year, it asks.
    const current = await record({ startedOn: today });
    ok(await update(current.id, { stage: 'WON', amountYen: 800_000, type: 'HIRING' }));
    ok(await update(current.id, { stage: 'NEGOTIATING' }));
    expect(failure(await update(current.id, { startedOn: `${lastYear}-12-01` })).message).toBe(
      refusedFor([lastYear]),
    );
    expect(await corrections(current.id)).toEqual([]);

    // Begun two years ago and 不成立 last year: reopening it changes last year's 不成立 only.
    const lost = await record({
      stage: 'LOST',
      startedOn: `${lastYear - 1}-11-01`,
      closedOn: `${lastYear}-05-01`,
    });
    expect(failure(await update(lost.id, { stage: 'NEGOTIATING' })).message).toBe(refusedFor([lastYear]));
    // Its type counts in both: both are named, earliest first.
    expect(failure(await update(lost.id, { type: 'FINANCING' })).message).toBe(
      refusedFor([lastYear - 1, lastYear]),
    );
    // A start moved within the year it began in changes nothing counted.
    ok(await update(lost.id, { startedOn: `${lastYear - 1}-10-01` }));
    expect(await corrections(lost.id)).toEqual([]);
  });

  it('deletes or changes a deal while an admin erases one of its two people: the one waits for the other, never a deadlock', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const upcoming = await createPublishedEvent(t, organizer, { title: '下町ものづくりサロン' });
    const record = async (title: string) => {
      const leaving = await createParticipant(t, organizer, {
        name: '山吹 恵子',
        company: { name: '山吹工芸' },
      });
      ok(await t.gql(registerMutation(), { eventId: upcoming, participantId: leaving.id }, organizer));
      const deal = ok(
        await recordDeal({
          participantAId: leaving.id,
          participantBId: people.c.id,
          type: 'ORDER',
          title,
          startedOn: tokyoInDays(0, '00:00').slice(0, 10),
        }),
      ).recordDeal;
      return { leaving, deal };
    };
    for (const write of [
      (id: string) =>
        t.gql('mutation($id: ID!) { deleteDeal(id: $id, reason: "二重登録") { id } }', { id }, staff),
      (id: string) => updateDeal(id, { stage: 'WON', amountYen: 500_000 }),
    ]) {
      // The deal's title names her: the erasure rewrites the deal after it has locked her and the
      // event she gives up her seat at, which a second connection holds meanwhile.
      const { leaving, deal } = await record('山吹 恵子様 木箱の受注');
      const [erased, written] = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [upcoming]);
        const erasure = t.gql(
          'mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }',
          { id: leaving.id },
          admin,
        );
        await untilWaitingForLocks(t.dataSource, 1);
        const correction = write(deal.id);
        await untilWaitingForLocks(t.dataSource, 2);
        return [erasure, correction];
      });
      ok(await erased);
      ok(await written);
      // Written after the erasure: what the correction keeps of the deal does not name her.
      const kept: { title: string }[] = await t.dataSource.query(
        'SELECT title FROM deal_corrections WHERE deal_id = $1',
        [deal.id],
      );
      for (const { title } of kept) expect(title).not.toContain('山吹');
    }
  });

  it('deletes two copies of a deal at once, each moving its visits to the other: one goes, the other is refused, never a deadlock', async () => {
    const today = tokyoInDays(0, '00:00').slice(0, 10);
    const input = {
      participantAId: people.b.id,
      participantBId: people.c.id,
      type: 'ORDER',
      title: '包装資材の発注',
      startedOn: today,
    };
    const copies = [ok(await recordDeal(input)).recordDeal.id, ok(await recordDeal(input)).recordDeal.id];
    for (const dealId of copies) {
      const { scheduleFollowUp } = ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { dealId, dueOn: today } },
          staff,
        ),
      );
      ok(
        await t.gql(
          'mutation($id: ID!) { completeFollowUp(id: $id, result: "訪問済み") { completed { id } } }',
          { id: scheduleFollowUp.id },
          staff,
        ),
      );
    }
    const remove = (id: string, to: string) =>
      t.gql<{ deleteDeal: { id: string; followUpsMoved: number } }>(
        'mutation($id: ID!, $to: ID) { deleteDeal(id: $id, moveFollowUpsTo: $to) { id followUpsMoved } }',
        { id, to },
        staff,
      );
    // Both wait for the two deals, which a second connection holds meanwhile, and then go for them together.
    const answers = await holdingLocks(t.dataSource, async (hold) => {
      await hold('SELECT 1 FROM deals WHERE id = ANY($1) FOR UPDATE', [copies]);
      const both = [remove(copies[0], copies[1]), remove(copies[1], copies[0])];
      await untilWaitingForLocks(t.dataSource, 2);
      return both;
    });
    const [first, second] = await Promise.all(answers);
    const [deleted, refused] = first.errors ? [second, first] : [first, second];
    expect(ok(deleted).deleteDeal.followUpsMoved).toBe(1);
    expect(failure(refused).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'moveFollowUpsTo' });
    const kept = copies.find((id) => id !== ok(deleted).deleteDeal.id)!;
    const left: { deal_id: string; result: string }[] = await t.dataSource.query(
      'SELECT deal_id, result FROM follow_ups WHERE deal_id = ANY($1)',
      [copies],
    );
    expect(left).toEqual([
      { deal_id: kept, result: '訪問済み' },
      { deal_id: kept, result: '訪問済み' },
    ]);
  });
});
