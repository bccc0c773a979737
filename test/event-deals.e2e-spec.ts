import { Role } from '../src/auth/actor';
import { fiscalYearOf } from '../src/common/japan/fiscal-year';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

interface DealFigures {
  total: number;
  won: number;
  wonAmountYen: number;
}
interface ListedDeal {
  id: string;
  stage: string;
  amountYen: number | null;
  organizationId: string;
  organizationName: string;
}

/**
 * An event's 商談, recorded by its organiser and by a co-host (共催): the staff of both read every
 * one of them, in `deals(filter: { eventId })`, `deal(id)` and deals.csv, and the eventReport
 * counts exactly those rows. Changing a deal and following it up stay with the organisation that
 * recorded it; an unrelated organisation sees none of them.
 */
describe("an event's deals, recorded by its organiser and its co-host", () => {
  let t: TestApp;
  let hostOrg: string;
  let coHostOrg: string;
  let hostStaff: string;
  let coHostStaff: string;
  let otherStaff: string;
  let eventId: string;
  let hostWon: string;
  let coHostWon: string;
  let coHostElsewhere: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    hostOrg = await createOrganization(t, admin, { name: '葛飾区商工会議所' });
    coHostOrg = await createOrganization(t, admin, { name: '城東信用金庫', kind: 'FINANCIAL_INSTITUTION' });
    const otherOrg = await createOrganization(t, admin, { name: '川口商工会議所' });
    const hostOrganizer = await staffSession(t, Role.ORGANIZER, hostOrg);
    hostStaff = await staffSession(t, Role.STAFF, hostOrg);
    coHostStaff = await staffSession(t, Role.STAFF, coHostOrg);
    otherStaff = await staffSession(t, Role.STAFF, otherOrg);

    eventId = await createPublishedEvent(t, hostOrganizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'かつしか・しんきん合同商談会',
      startsAt: tokyoInDays(10, '13:00'),
      endsAt: tokyoInDays(10, '17:00'),
      coHostIds: [coHostOrg],
    });
    const [a, b, c] = [
      await createParticipant(t, hostOrganizer, { name: '髙橋 一郎', company: { name: '髙橋精密工業' } }),
      await createParticipant(t, hostOrganizer, { name: '山﨑 花子', company: { name: '山﨑デザイン' } }),
      await createParticipant(t, hostOrganizer, { name: '佐藤 次郎', company: { name: '佐藤食品' } }),
    ];
    // They were there, and it has taken place: deals are recorded after the event.
    for (const person of [a, b, c]) {
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, hostOrganizer));
    }
    await moveEventEarlier(t, eventId, 11);
    const record = async (token: string, input: Record<string, unknown>) =>
      ok(
        await t.gql<{ recordDeal: { id: string } }>(
          'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
          { input: { type: 'ORDER', ...input } },
          token,
        ),
      ).recordDeal.id;
    const at = { eventId, participantAId: a.id, participantBId: b.id };
    hostWon = await record(hostStaff, { ...at, title: '精密部品の試作', stage: 'WON', amountYen: 500_000 });
    await record(hostStaff, { ...at, title: '量産の見積り', amountYen: 2_000_000 });
    coHostWon = await record(coHostStaff, {
      eventId,
      participantAId: a.id,
      participantBId: c.id,
      title: '設備資金の融資',
      type: 'FINANCING',
      stage: 'WON',
      amountYen: 300_000,
    });
    await record(coHostStaff, { ...at, title: 'パッケージの共同開発', stage: 'LOST' });
    // The co-host's own deal from outside the event: in its list, not in the event's.
    coHostElsewhere = await record(coHostStaff, {
      participantAId: b.id,
      participantBId: c.id,
      title: '店舗の事業承継',
      type: 'SUCCESSION',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (token: string) =>
    ok(
      await t.gql<{ eventReport: { deals: DealFigures } }>(
        'query($e: ID!) { eventReport(eventId: $e) { deals { total won wonAmountYen } } }',
        { e: eventId },
        token,
      ),
    ).eventReport.deals;
  const list = async (token: string, filter: Record<string, unknown> | null) =>
    ok(
      await t.gql<{ deals: { totalCount: number; edges: { node: ListedDeal }[] } }>(
        'query($f: DealFilter) { deals(filter: $f, first: 50) { totalCount edges { node { id stage amountYen organizationId organizationName } } } }',
        { f: filter },
        token,
      ),
    ).deals;
  const csv = async (token: string, query = `eventId=${eventId}`) => {
    const { status, lines } = await fetchCsv(t, `/exports/deals.csv?${query}`, token);
    expect(status).toBe(200);
    const [header, ...rows] = lines;
    const columns = header.split(',');
    return rows.map((row) => {
      const values = row.split(',');
      return Object.fromEntries(columns.map((column, i) => [column, values[i]]));
    });
  };

  it.each([
    ['the organiser', () => hostStaff],
    ['the co-host', () => coHostStaff],
  ])("shows %s's staff every deal of the event, adding up to the report's figures", async (_, token) => {
    const figures = await report(token());
    expect(figures).toEqual({ total: 4, won: 2, wonAmountYen: 800_000 });

    const listed = await list(token(), { eventId });
    expect(listed.totalCount).toBe(figures.total);
    const won = listed.edges.map((edge) => edge.node).filter((deal) => deal.stage === 'WON');
    expect(won).toHaveLength(figures.won);
    expect(won.reduce((sum, deal) => sum + (deal.amountYen ?? 0), 0)).toBe(figures.wonAmountYen);
    expect(new Set(listed.edges.map((edge) => edge.node.organizationName))).toEqual(
      new Set(['葛飾区商工会議所', '城東信用金庫']),
    );
    expect((await list(token(), { eventId, stage: 'WON' })).totalCount).toBe(figures.won);

    const rows = await csv(token());
    expect(rows).toHaveLength(figures.total);
    const wonRows = rows.filter((row) => row['段階'] === '成約');
    expect(wonRows).toHaveLength(figures.won);
    expect(wonRows.reduce((sum, row) => sum + Number(row['金額（円）']), 0)).toBe(figures.wonAmountYen);
    expect(wonRows.map((row) => [row['概要'], row['記録した団体']]).sort()).toEqual([
      ['精密部品の試作', '葛飾区商工会議所'],
      ['設備資金の融資', '城東信用金庫'],
    ]);
  });

  it("lets each read the other's deal, but change and follow up only its own", async () => {
    const deal = (id: string, token: string) =>
      t.gql<{ deal: ListedDeal }>(
        'query($id: ID!) { deal(id: $id) { id organizationId organizationName } }',
        { id },
        token,
      );
    expect(ok(await deal(hostWon, coHostStaff)).deal).toEqual({
      id: hostWon,
      organizationId: hostOrg,
      organizationName: '葛飾区商工会議所',
    });
    expect(ok(await deal(coHostWon, hostStaff)).deal.organizationName).toBe('城東信用金庫');

    const update = (id: string, token: string) =>
      t.gql('mutation($id: ID!) { updateDeal(id: $id, input: { amountYen: 1 }) { id } }', { id }, token);
    // A month on: a follow-up is due no earlier than its deal began, which was today.
    const followUp = (id: string, token: string) =>
      t.gql(
        'mutation($id: ID!, $due: String!) { scheduleFollowUp(input: { dealId: $id, dueOn: $due }) { id } }',
        { id, due: tokyoInDays(30, '00:00').slice(0, 10) },
        token,
      );
    expect(failure(await update(hostWon, coHostStaff)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await update(coHostWon, hostStaff)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await followUp(hostWon, coHostStaff)).extensions?.code).toBe('FORBIDDEN');
    const [{ amount }] = await t.dataSource.query(
      'SELECT amount_yen::int AS amount FROM deals WHERE id = $1',
      [hostWon],
    );
    expect(amount).toBe(500_000);
    ok(await update(coHostWon, coHostStaff));
    ok(await followUp(coHostWon, coHostStaff));

    // Without an event, the list is the organisation's own deals, as the 年度 report counts them.
    const own = await list(coHostStaff, null);
    expect(own.edges.map((edge) => edge.node.organizationId)).toEqual([coHostOrg, coHostOrg, coHostOrg]);
    expect(own.edges.map((edge) => edge.node.id)).toContain(coHostElsewhere);
    expect((await csv(coHostStaff, '')).map((row) => row['記録した団体'])).toEqual([
      '城東信用金庫',
      '城東信用金庫',
      '城東信用金庫',
    ]);
  });

  it('counts each deal in the 年度 report of the organisation that recorded it, as its own list shows', async () => {
    const fiscalYear = fiscalYearOf(new Date());
    for (const [org, token, recorded] of [
      [hostOrg, hostStaff, 2],
      [coHostOrg, coHostStaff, 3],
    ] as const) {
      const year = ok(
        await t.gql<{ fiscalYearReport: { deals: { recorded: number; won: number; wonAmountYen: number } } }>(
          'query($o: ID!, $y: Int!) { fiscalYearReport(organizationId: $o, fiscalYear: $y) { deals { recorded won wonAmountYen } } }',
          { o: org, y: fiscalYear },
          token,
        ),
      ).fiscalYearReport.deals;
      expect(year.recorded).toBe(recorded);
      expect(year.recorded).toBe((await list(token, { fiscalYear })).totalCount);
      const won = await list(token, { fiscalYear, stage: 'WON' });
      expect(year.won).toBe(won.totalCount);
      expect(year.wonAmountYen).toBe(won.edges.reduce((sum, edge) => sum + (edge.node.amountYen ?? 0), 0));
    }
  });

  it('shows an unrelated organisation none of them', async () => {
    expect(
      failure(
        await t.gql('query($e: ID!) { eventReport(eventId: $e) { __typename } }', { e: eventId }, otherStaff),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await list(otherStaff, { eventId })).totalCount).toBe(0);
    expect(await csv(otherStaff)).toEqual([]);
    const read = await t.gql('query($id: ID!) { deal(id: $id) { id } }', { id: hostWon }, otherStaff);
    expect(failure(read).extensions?.code).toBe('FORBIDDEN');
  });
});
