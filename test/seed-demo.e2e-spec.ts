import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemo } from '../scripts/seed-demo';
import { STORY_DAY, STORY_DAY_END_MS } from '../scripts/demo/events';
import { CLOSING_NOTE, OPEN_NOTES } from '../scripts/demo/outcomes';
import { DealType } from '../src/deals/deal-enums';
import { isValidCorporateNumber } from '../src/common/japan/corporate-number';
import { isKatakana } from '../src/common/japan/furigana';
import { isValidMunicipality } from '../src/common/japan/municipality';
import { nameKey } from '../src/common/japan/person-name';
import { databaseOptions } from '../src/database/database-options';
import { createDatabaseFromTemplate, dropDatabase } from './support/test-database';

const TABLES = [
  'organizations',
  'users',
  'companies',
  'participants',
  'events',
  'event_co_hosts',
  'matchmaking_sessions',
  'registrations',
  'meeting_requests',
  'meetings',
  'meeting_participants',
  'deals',
  'follow_ups',
  'survey_responses',
];

describe('npm run seed:demo', () => {
  const name = `tsunagu_test_seed_${process.pid}_${randomBytes(4).toString('hex')}`;
  let db: DataSource;
  let firstRun: Record<string, number>;

  const rows = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => db.query(sql, parameters);
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => {
          const [{ count }] = await rows<{ count: string }>(`SELECT count(*) FROM ${table}`);
          return [table, Number(count)] as const;
        }),
      ),
    );

  beforeAll(async () => {
    db = new DataSource(databaseOptions(await createDatabaseFromTemplate(name)));
    await db.initialize();
    await seedDemo(db);
    firstRun = await counts();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  it('loads a realistic pool: 300+ participants in companies across the JSIC divisions', async () => {
    expect(firstRun.participants).toBeGreaterThanOrEqual(300);
    const industries = await rows<{ industry: string; count: string }>(
      'SELECT industry, count(*) FROM companies GROUP BY industry ORDER BY count(*) DESC',
    );
    expect(industries[0].industry).toBe('E');
    expect(industries.length).toBeGreaterThanOrEqual(15);
    const emails = await rows<{ email: string }>(
      'SELECT email FROM participants UNION ALL SELECT email FROM users',
    );
    expect(emails.filter(({ email }) => !/@([a-z0-9-]+\.)*example\.jp$/.test(email))).toEqual([]);
  });

  it('stores only valid 法人番号, katakana フリガナ and real municipalities', async () => {
    const numbers = await rows<{ corporate_number: string }>(
      `SELECT corporate_number FROM companies WHERE corporate_number IS NOT NULL
       UNION ALL SELECT corporate_number FROM organizations WHERE corporate_number IS NOT NULL`,
    );
    expect(numbers.length).toBeGreaterThan(250);
    expect(numbers.filter((row) => !isValidCorporateNumber(row.corporate_number))).toEqual([]);
    expect(numbers.map((row) => row.corporate_number)).toContain('3013105001132');

    const furigana = await rows<{ furigana: string }>('SELECT furigana FROM participants');
    expect(furigana.filter((row) => !isKatakana(row.furigana))).toEqual([]);

    const places = await rows<{ municipality: string }>(
      'SELECT municipality FROM companies UNION SELECT municipality FROM organizations',
    );
    expect(places.filter((row) => !isValidMunicipality(row.municipality))).toEqual([]);
    expect(places.map((row) => row.municipality)).toEqual(
      expect.arrayContaining([
        '埼玉県川口市',
        '長野県岡谷市',
        '石川県加賀市',
        '大阪府東大阪市',
        '兵庫県尼崎市',
      ]),
    );
  });

  it('keeps the variant characters 髙 and 﨑 in names as typed', async () => {
    const [{ count }] = await rows<{ count: string }>(
      `SELECT count(*) FROM participants WHERE name LIKE '%髙%' OR name LIKE '%﨑%'`,
    );
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('brings a few owners into the pool twice, as another list typed them, for 名寄せ', async () => {
    const people = await rows<{ name: string; email: string; company_id: string | null }>(
      'SELECT name, email, company_id FROM participants',
    );
    const twice = people.filter((person) => person.email.endsWith('@mail.example.jp'));
    expect(twice).toHaveLength(4);
    for (const second of twice) {
      expect(second.company_id).toBeNull();
      const first = people.find(
        (person) => person !== second && person.company_id && nameKey(person.name) === nameKey(second.name),
      );
      expect(first?.name).toBeDefined();
      expect(first!.name).not.toBe(second.name);
    }
  });

  it('puts 150 exhibitors at distinct booths of the two-day trade fair', async () => {
    const booths = await rows<{ booth: string | null }>(
      `SELECT r.booth FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE e.kind = 'TRADE_FAIR' AND r.role = 'EXHIBITOR'`,
    );
    expect(booths).toHaveLength(150);
    expect(booths.every((row) => row.booth !== null && /^[A-E]-\d{2}$/.test(row.booth))).toBe(true);
    expect(new Set(booths.map((row) => row.booth)).size).toBe(150);
    const [fair] = await rows<{ days: string; visitors: string }>(
      `SELECT (e.ends_at AT TIME ZONE 'Asia/Tokyo')::date - (e.starts_at AT TIME ZONE 'Asia/Tokyo')::date + 1 AS days,
              (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.role = 'VISITOR') AS visitors
       FROM events e WHERE e.kind = 'TRADE_FAIR'`,
    );
    expect(Number(fair.days)).toBe(2);
    expect(Number(fair.visitors)).toBeGreaterThan(50);
  });

  it('brings about 100 companies to the credit union matching fair, buyers and sellers, in 20-minute slots', async () => {
    const [matching] = await rows<{ companies: string; buyers: string; sellers: string; organizer: string }>(
      `SELECT count(DISTINCT p.company_id) FILTER (WHERE r.status = 'REGISTERED') AS companies,
              count(*) FILTER (WHERE r.role = 'BUYER' AND r.status = 'REGISTERED') AS buyers,
              count(*) FILTER (WHERE r.role = 'SELLER' AND r.status = 'REGISTERED') AS sellers,
              o.kind AS organizer
       FROM events e JOIN organizations o ON o.id = e.organization_id
       JOIN registrations r ON r.event_id = e.id JOIN participants p ON p.id = r.participant_id
       WHERE e.kind = 'BUSINESS_MATCHING' GROUP BY o.kind`,
    );
    expect(matching.organizer).toBe('FINANCIAL_INSTITUTION');
    expect(Number(matching.companies)).toBeGreaterThanOrEqual(90);
    expect(Number(matching.companies)).toBeLessThanOrEqual(110);
    expect(Number(matching.buyers)).toBeGreaterThan(20);
    expect(Number(matching.sellers)).toBeGreaterThan(Number(matching.buyers));
    const sessions = await rows<{
      name: string;
      slot_minutes: number;
      slot_count: number;
      table_count: number;
    }>(
      `SELECT s.name, s.slot_minutes, s.slot_count, s.table_count FROM matchmaking_sessions s
       JOIN events e ON e.id = s.event_id WHERE e.kind = 'BUSINESS_MATCHING' ORDER BY s.starts_at`,
    );
    expect(sessions).toEqual([
      { name: '午前の部', slot_minutes: 20, slot_count: 8, table_count: 30 },
      { name: '午後の部', slot_minutes: 20, slot_count: 8, table_count: 30 },
    ]);
  });

  it('holds the mini-salon in 葛飾 with ものコト100 as co-host and no more than 30 seats', async () => {
    const [mini] = await rows<{ capacity: number; seated: string; co_hosts: string[]; themes: string[] }>(
      `SELECT e.capacity, e.themes,
              (SELECT count(*) FROM registrations r WHERE r.event_id = e.id
                 AND r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW')) AS seated,
              array(SELECT o.name FROM event_co_hosts c JOIN organizations o ON o.id = c.organization_id
                    WHERE c.event_id = e.id) AS co_hosts
       FROM events e WHERE e.kind = 'MINI_SALON'`,
    );
    expect(mini.capacity).toBeLessThanOrEqual(30);
    expect(Number(mini.seated)).toBeLessThanOrEqual(mini.capacity);
    expect(mini.co_hosts).toEqual(['ものコト100']);
    expect(mini.themes).toContain('事業承継');
  });

  it('respects every capacity and keeps every event in FY2026 with sensible statuses', async () => {
    const events = await rows<{
      title: string;
      status: string;
      capacity: number | null;
      seated: string;
      fiscal_year: number;
    }>(
      `SELECT e.title, e.status, e.capacity, e.fiscal_year,
              (SELECT count(*) FROM registrations r WHERE r.event_id = e.id
                 AND r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW')) AS seated
       FROM events e`,
    );
    expect(events.filter((e) => e.capacity !== null && Number(e.seated) > e.capacity)).toEqual([]);
    expect(new Set(events.map((e) => e.fiscal_year))).toEqual(new Set([2026]));
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(['CLOSED', 'PUBLISHED', 'DRAFT']));
    // Attendance is recorded only for events that took place; upcoming ones hold seats.
    const [misplaced] = await rows<{ count: string }>(
      `SELECT count(*) FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE (e.status = 'CLOSED' AND r.status = 'REGISTERED')
          OR (e.status <> 'CLOSED' AND r.status IN ('ATTENDED', 'NO_SHOW'))
          OR (e.status = 'DRAFT')`,
    );
    expect(Number(misplaced.count)).toBe(0);
  });

  it('gives every organising body an organizer and adds an admin', async () => {
    const [{ missing }] = await rows<{ missing: string }>(
      `SELECT count(*) AS missing FROM organizations o WHERE NOT EXISTS
         (SELECT 1 FROM users u WHERE u.organization_id = o.id AND u.role = 'ORGANIZER')`,
    );
    expect(Number(missing)).toBe(0);
    const [{ admins }] = await rows<{ admins: string }>(
      `SELECT count(*) AS admins FROM users WHERE role = 'ADMIN'`,
    );
    expect(Number(admins)).toBe(1);
    // Their event emails name a contact and are answered to it (特定電子メール法's contact point).
    const [{ withoutContact }] = await rows<{ withoutContact: string }>(
      `SELECT count(*) AS "withoutContact" FROM organizations WHERE contact_email IS NULL`,
    );
    expect(Number(withoutContact)).toBe(0);
    // 令和8年度 targets for the 年度実績報告, as 青梅's plan sets its follow-ups (延べ144回).
    const targets = await rows<{ name: string; metric: string; target: number }>(
      `SELECT o.name, t.metric, t.target FROM fiscal_year_targets t JOIN organizations o ON o.id = t.organization_id
        WHERE t.fiscal_year = 2026 ORDER BY o.name, t.metric`,
    );
    expect(targets).toContainEqual({ name: '青梅商工会議所', metric: 'FOLLOW_UPS_DONE', target: 144 });
    expect(new Set(targets.map((row) => row.name)).size).toBe(3);
  });

  it("places the fair's agreed visits at the exhibitor's booth, in the sessions, and records who came", async () => {
    const meetings = await rows<{
      booth: string;
      table_label: string;
      in_session: boolean;
      status: string;
      visitor_status: string;
      absent: number;
    }>(
      `SELECT x.booth, m.table_label, m.status, v.status AS visitor_status,
              m.starts_at >= s.starts_at AND m.ends_at <= s.starts_at + s.slot_count * s.slot_minutes * interval '1 minute'
                AND m.starts_at = s.starts_at + m.slot_index * s.slot_minutes * interval '1 minute' AS in_session,
              (SELECT count(*)::int FROM meeting_participants p WHERE p.meeting_id = m.id AND p.no_show) AS absent
         FROM meetings m
         JOIN meeting_requests q ON q.id = m.request_id AND q.status = 'ACCEPTED'
         JOIN matchmaking_sessions s ON s.id = m.session_id
         JOIN registrations x ON x.event_id = m.event_id AND x.participant_id = m.participant_b_id AND x.role = 'EXHIBITOR'
         JOIN registrations v ON v.event_id = m.event_id AND v.participant_id = m.participant_a_id AND v.role = 'VISITOR'`,
    );
    const [{ total }] = await rows<{ total: number }>('SELECT count(*)::int AS total FROM meetings');
    expect(meetings.length).toBe(total);
    expect(total).toBeGreaterThan(150);
    expect(
      meetings.filter((meeting) => meeting.table_label !== meeting.booth || !meeting.in_session),
    ).toEqual([]);
    // A visitor recorded 欠席 missed every meeting; the absent side is marked on each 不参加あり.
    expect(
      meetings.filter((meeting) => meeting.visitor_status === 'NO_SHOW' && meeting.status !== 'NO_SHOW'),
    ).toEqual([]);
    expect(meetings.filter((meeting) => (meeting.status === 'NO_SHOW') !== (meeting.absent === 1))).toEqual(
      [],
    );
    expect(meetings.filter((meeting) => meeting.status === 'HELD').length).toBeGreaterThan(total / 2);
  });

  it('leaves the coming matching fair ready to schedule: answered and awaited requests, none placed yet', async () => {
    const requests = await rows<{ status: string; count: number; between_seated: boolean }>(
      `SELECT q.status, count(*)::int AS count,
              bool_and(f.role = 'SELLER' AND t.role = 'BUYER' AND f.status = 'REGISTERED' AND t.status = 'REGISTERED')
                AS between_seated
         FROM meeting_requests q JOIN events e ON e.id = q.event_id AND e.kind = 'BUSINESS_MATCHING'
         JOIN registrations f ON f.event_id = e.id AND f.participant_id = q.from_participant_id
         JOIN registrations t ON t.event_id = e.id AND t.participant_id = q.to_participant_id
        GROUP BY q.status`,
    );
    expect(requests.every((row) => row.between_seated)).toBe(true);
    expect(new Set(requests.map((row) => row.status))).toEqual(new Set(['ACCEPTED', 'PENDING', 'DECLINED']));
    expect(requests.find((row) => row.status === 'ACCEPTED')!.count).toBeGreaterThan(100);
    const [{ placed }] = await rows<{ placed: number }>(
      `SELECT count(*)::int AS placed FROM meetings m JOIN events e ON e.id = m.event_id
        WHERE e.kind = 'BUSINESS_MATCHING'`,
    );
    expect(placed).toBe(0);
  });

  it("lets nothing happen after the story's day: applications, 面談申込 and answers to them come before it", async () => {
    const [late] = await rows<{ registrations: number; requests: number; answers: number }>(
      `SELECT (SELECT count(*)::int FROM registrations
                WHERE created_at > $1 OR registered_at > $1 OR waitlisted_at > $1) AS registrations,
              (SELECT count(*)::int FROM meeting_requests WHERE created_at > $1) AS requests,
              (SELECT count(*)::int FROM meeting_requests WHERE responded_at > $1) AS answers`,
      [new Date(STORY_DAY_END_MS)],
    );
    expect(late).toEqual({ registrations: 0, requests: 0, answers: 0 });
  });

  it('records deals for the bodies that may, dated in the year up to the story, each closed one followed up', async () => {
    const deals = await rows<{
      may_record: boolean;
      recorder_belongs: boolean;
      stage: string;
      started_on: string;
      closed_on: string | null;
      from_held_meeting: boolean | null;
      done_follow_ups: number;
      open_follow_ups: number;
    }>(
      `SELECT d.organization_id = e.organization_id
                OR d.organization_id IN (SELECT organization_id FROM event_co_hosts c WHERE c.event_id = e.id) AS may_record,
              u.organization_id = d.organization_id AS recorder_belongs,
              d.stage, d.started_on::text, d.closed_on::text,
              (SELECT m.status = 'HELD' FROM meetings m WHERE m.id = d.meeting_id) AS from_held_meeting,
              (SELECT count(*)::int FROM follow_ups f WHERE f.deal_id = d.id AND f.done_at IS NOT NULL) AS done_follow_ups,
              (SELECT count(*)::int FROM follow_ups f WHERE f.deal_id = d.id AND f.done_at IS NULL) AS open_follow_ups
         FROM deals d JOIN events e ON e.id = d.event_id JOIN users u ON u.id = d.recorded_by_id`,
    );
    expect(deals.length).toBeGreaterThan(30);
    expect(deals.filter((deal) => !deal.may_record || !deal.recorder_belongs)).toEqual([]);
    expect(deals.filter((deal) => deal.from_held_meeting === false)).toEqual([]);
    expect(
      deals.filter((deal) => deal.started_on < '2026-04-01' || (deal.closed_on ?? '') > '2026-11-20'),
    ).toEqual([]);
    expect(new Set(deals.map((deal) => deal.stage))).toEqual(new Set(['NEGOTIATING', 'WON', 'LOST']));
    expect(
      deals.filter((deal) =>
        deal.stage === 'NEGOTIATING' ? deal.open_follow_ups !== 1 : deal.done_follow_ups !== 1,
      ),
    ).toEqual([]);
    // 青梅's 巡回指導 count toward its 144 visits a year.
    const [visits] = await rows<{ done: number; open: number }>(
      `SELECT count(*) FILTER (WHERE f.done_at IS NOT NULL)::int AS done, count(*) FILTER (WHERE f.done_at IS NULL)::int AS open
         FROM follow_ups f JOIN organizations o ON o.id = f.organization_id
        WHERE o.name = '青梅商工会議所' AND f.deal_id IS NULL AND f.participant_id IS NOT NULL`,
    );
    expect(visits.done).toBeGreaterThan(10);
    expect(visits.open).toBeGreaterThan(0);
  });

  it("starts each deal after its event and by the story's day, and checks on it afterwards, in its own words", async () => {
    const followUps = await rows<{
      type: DealType;
      title: string;
      started_on: string;
      event_ended_on: string;
      due_on: string;
      done_on: string | null;
      notes: string;
    }>(
      `SELECT d.type, d.title, CAST(d.started_on AS text) AS started_on,
              to_char(e.ends_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS event_ended_on,
              CAST(f.due_on AS text) AS due_on,
              to_char(f.done_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS done_on, f.notes
         FROM deals d JOIN events e ON e.id = d.event_id JOIN follow_ups f ON f.deal_id = d.id`,
    );
    expect(followUps.length).toBeGreaterThan(30);
    expect(
      followUps.filter(
        (f) => f.started_on > STORY_DAY || f.started_on <= f.event_ended_on || f.due_on <= f.started_on,
      ),
    ).toEqual([]);
    expect(followUps.filter((f) => f.done_on !== null && f.done_on < f.started_on)).toEqual([]);
    const fits = (f: { type: DealType; notes: string }) =>
      f.notes === CLOSING_NOTE || (OPEN_NOTES[f.type] as readonly string[]).includes(f.notes);
    expect(followUps.filter((f) => !fits(f))).toEqual([]);
    // The kinds the salons introduce are there, each with its own notes.
    expect([...new Set(followUps.map((f) => f.type))]).toEqual(
      expect.arrayContaining([DealType.ORDER, DealType.FINANCING, DealType.SUCCESSION, DealType.PARTNERSHIP]),
    );
  });

  it('has surveys answered by those who came to past events, about 40 % finding new order opportunities', async () => {
    const [answers] = await rows<{ total: number; not_attended: number; gained: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE r.status <> 'ATTENDED')::int AS not_attended,
              count(*) FILTER (WHERE s.gained_opportunities)::int AS gained
         FROM survey_responses s JOIN registrations r ON r.id = s.registration_id`,
    );
    expect(answers.total).toBeGreaterThan(200);
    expect(answers.not_attended).toBe(0);
    expect(answers.gained / answers.total).toBeGreaterThan(0.3);
    expect(answers.gained / answers.total).toBeLessThan(0.5);
  });

  it('changes no counts when run a second time, and switches demo logins turned off back on', async () => {
    await rows(`UPDATE users SET deactivated_at = now()`);
    await seedDemo(db);
    expect(await counts()).toEqual(firstRun);
    const [{ off }] = await rows<{ off: number }>(
      `SELECT count(*)::int AS off FROM users WHERE deactivated_at IS NOT NULL`,
    );
    expect(off).toBe(0);
  });
});
