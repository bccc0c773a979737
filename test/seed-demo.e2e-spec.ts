import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemo } from '../scripts/seed-demo';
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
