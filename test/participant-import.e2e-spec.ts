import * as iconv from 'iconv-lite';
import { Role } from '../src/auth/actor';
import { createOrganization, staffSession } from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const IMPORT = `mutation($csv: String, $fileBase64: String) {
  importParticipants(csv: $csv, fileBase64: $fileBase64) { created updated unchanged totalRows encoding ignoredColumns errors { row field column message } }
}`;

interface ImportResult {
  importParticipants: {
    created: number;
    updated: number;
    unchanged: number;
    totalRows: number;
    encoding: string;
    ignoredColumns: string[];
    errors: { row: number; field: string; column: string; message: string }[];
  };
}

/** The participant list as a 商工会議所 keeps it in Excel. */
const JAPANESE_SHEET = [
  'メールアドレス,氏名,フリガナ,事業者名,法人番号,業種,所在地,従業員数,提供できること,求めること,関心テーマ,マッチング同意,備考',
  'takahashi@example.jp,髙橋 健一,タカハシ ケンイチ,髙橋製作所,3013105001132,製造業,東京都葛飾区,25,精密板金、溶接,販路開拓,事業承継,はい,社長の長男',
  'yamazaki@example.jp,山﨑 美咲,ﾔﾏｻﾞｷ ﾐｻｷ,山﨑デザイン,,G,東京都墨田区,3名,Webデザイン,製造業との協業,デザイン連携,○,',
  'sato@example.jp,佐藤 一郎,さとう いちろう,佐藤商事,,I,東京都台東区,10,卸売,販路開拓,,はい,',
  'kimura@example.jp,木村 次郎,キムラ ジロウ,木村工業,1234567890123,E,東京都大田区,40,切削加工,人材,,はい,',
].join('\r\n');

describe('importParticipants', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    staff = await staffSession(
      t,
      Role.STAFF,
      await createOrganization(t, admin, { name: '葛飾区商工会議所' }),
    );
  });
  afterAll(() => t.close());

  const count = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM participants'))[0].n as number;

  it('imports a Shift_JIS file from Excel: valid rows in, invalid rows reported with row and field', async () => {
    const bytes = iconv.encode(JAPANESE_SHEET, 'cp932');
    const result = ok(await t.gql<ImportResult>(IMPORT, { fileBase64: bytes.toString('base64') }, staff));
    expect(result.importParticipants).toMatchObject({
      created: 3,
      updated: 0,
      totalRows: 4,
      encoding: 'Shift_JIS (CP932)',
      ignoredColumns: ['備考'],
    });
    expect(result.importParticipants.errors).toEqual([
      {
        row: 5,
        field: 'company.corporateNumber',
        column: '法人番号',
        message: '法人番号は13桁の数字で、先頭のチェックデジットが正しい必要があります',
      },
    ]);
    const rows = await t.dataSource.query(
      `SELECT p.name, p.furigana, p.offers, p.consent_matchmaking, c.name AS company, c.industry, c.employees
         FROM participants p JOIN companies c ON c.id = p.company_id ORDER BY p.furigana`,
    );
    expect(rows).toEqual([
      // フリガナ typed in hiragana is kept in katakana, as the rest of the pool.
      {
        name: '佐藤 一郎',
        furigana: 'サトウ イチロウ',
        offers: ['卸売'],
        consent_matchmaking: true,
        company: '佐藤商事',
        industry: 'I',
        employees: 10,
      },
      {
        name: '髙橋 健一',
        furigana: 'タカハシ ケンイチ',
        offers: ['精密板金', '溶接'],
        consent_matchmaking: true,
        company: '髙橋製作所',
        industry: 'E',
        employees: 25,
      },
      {
        name: '山﨑 美咲',
        furigana: 'ヤマザキ ミサキ',
        offers: ['Webデザイン'],
        consent_matchmaking: true,
        company: '山﨑デザイン',
        industry: 'G',
        employees: 3,
      },
    ]);
  });

  it('reads UTF-8 with a BOM and English headers, and upserts by email', async () => {
    const sheet =
      '\uFEFFemail,name,furigana,company,industry,municipality,needs\r\n' +
      'TAKAHASHI@example.jp,髙橋 健一,タカハシ ケンイチ,髙橋製作所,E,東京都葛飾区,海外展開\r\n' +
      'new.person@example.jp,新井 花,アライ ハナ,新井食品,E,埼玉県川口市,EC構築\r\n';
    const result = ok(
      await t.gql<ImportResult>(IMPORT, { fileBase64: Buffer.from(sheet).toString('base64') }, staff),
    );
    expect(result.importParticipants).toMatchObject({
      created: 1,
      updated: 1,
      encoding: 'UTF-8 (BOM)',
      errors: [],
    });
    const [takahashi] = await t.dataSource.query(
      `SELECT needs, offers FROM participants WHERE email = 'takahashi@example.jp'`,
    );
    // The file had no offers column: offers are left as they were; needs are replaced.
    expect(takahashi).toEqual({ needs: ['海外展開'], offers: ['精密板金', '溶接'] });
  });

  it('keeps what a blank 区分 or 言語 cell leaves, even where another row of the file gives one', async () => {
    const setTakahashi = (kind: string, locale: string) =>
      t.dataSource.query(
        `UPDATE participants SET kind = $1, locale = $2 WHERE email = 'takahashi@example.jp'`,
        [kind, locale],
      );
    const [before] = await t.dataSource.query(
      `SELECT kind, locale FROM participants WHERE email = 'takahashi@example.jp'`,
    );
    await setTakahashi('SME_OWNER', 'en');
    const sheet = [
      'メールアドレス,氏名,フリガナ,区分,言語',
      'takahashi@example.jp,髙橋 健一,タカハシ ケンイチ,,',
      'ishii@example.jp,石井 陽介,イシイ ヨウスケ,後継者,日本語',
    ].join('\r\n');
    expect(ok(await t.gql<ImportResult>(IMPORT, { csv: sheet }, staff)).importParticipants).toMatchObject({
      created: 1,
      unchanged: 1,
      errors: [],
    });
    const stored = await t.dataSource.query(
      `SELECT email, kind, locale FROM participants WHERE email IN ('takahashi@example.jp', 'ishii@example.jp') ORDER BY email`,
    );
    expect(stored).toEqual([
      { email: 'ishii@example.jp', kind: 'SUCCESSOR', locale: 'ja' },
      { email: 'takahashi@example.jp', kind: 'SME_OWNER', locale: 'en' },
    ]);
    await setTakahashi(before.kind, before.locale);
  });

  it('keeps people at the company they have when a list names it without its 所在地 or 法人番号', async () => {
    const companies = () =>
      t.dataSource.query(
        `SELECT p.email, p.company_id FROM participants p
          WHERE p.email IN ('takahashi@example.jp', 'yamazaki@example.jp') ORDER BY p.email`,
      );
    const before = await companies();
    const [{ count: companiesBefore }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM companies',
    );
    const sheet = [
      'メールアドレス,氏名,フリガナ,事業者名',
      'takahashi@example.jp,髙橋 健一,タカハシ ケンイチ,髙橋製作所',
      'yamazaki@example.jp,山﨑 美咲,ヤマザキ ミサキ,山﨑デザイン',
    ].join('\r\n');
    expect(ok(await t.gql<ImportResult>(IMPORT, { csv: sheet }, staff)).importParticipants).toMatchObject({
      unchanged: 2,
      errors: [],
    });
    expect(await companies()).toEqual(before);
    const [{ count: companiesAfter }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM companies',
    );
    expect(companiesAfter).toBe(companiesBefore);
  });

  it('reports a duplicate email within one file and writes nothing for that row', async () => {
    const before = await count();
    const sheet =
      'メールアドレス,氏名,フリガナ\nsame@example.jp,同じ 一,オナジ ハジメ\nsame@example.jp,同じ 二,オナジ ニ\n';
    const result = ok(await t.gql<ImportResult>(IMPORT, { csv: sheet }, staff));
    expect(result.importParticipants.created).toBe(1);
    expect(result.importParticipants.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'email', message: 'メールアドレスが 2 行目と重複しています' }),
    ]);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const error = failure(await t.gql(IMPORT, { csv: '会社名,電話\n株式会社テスト,03-0000-0000\n' }, staff));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(error.message).toContain('メールアドレス、氏名、フリガナ');
    // Sent as a file, the file is named.
    const file = Buffer.from('会社名,電話\n株式会社テスト,03-0000-0000\n').toString('base64');
    expect(failure(await t.gql(IMPORT, { fileBase64: file }, staff)).extensions?.field).toBe('fileBase64');
  });

  it('says what to fix in what Excel does to a list: a workbook, a number in exponent form, a blank address', async () => {
    const before = await count();
    // An .xlsx is a zip: its first bytes say so.
    const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    const refused = failure(await t.gql(IMPORT, { fileBase64: workbook.toString('base64') }, staff));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileBase64' });
    expect(refused.message).toMatch(
      /^Excel のファイル（\.xlsx \/ \.xls）のままでは読み込めません。.*「CSV UTF-8（コンマ区切り）」/,
    );

    const sheet = [
      'メールアドレス,氏名,フリガナ,事業者名,法人番号,所在地',
      'ueno@example.jp,上野 花子,ウエノ ハナコ,上野製作所,3.01311E+12,東京都台東区',
      ',浅草 太郎,アサクサ タロウ,浅草工業,,東京都台東区',
      'senzoku@example.jp,千束 一,センゾク ハジメ,千束商店,,東京都台東市',
    ].join('\r\n');
    const result = ok(await t.gql<ImportResult>(IMPORT, { csv: sheet }, staff)).importParticipants;
    expect(result.created).toBe(0);
    expect(result.errors.map(({ row, field, message }) => ({ row, field, message }))).toEqual([
      {
        row: 2,
        field: 'company.corporateNumber',
        message:
          '法人番号「3.01311E+12」が Excel で指数表記になっています。列の書式を「文字列」にして、13桁を入力し直してください',
      },
      { row: 3, field: 'email', message: 'メールアドレスが入力されていません' },
      {
        row: 4,
        field: 'company.municipality',
        message:
          '所在地「東京都台東市」という市区町村は見つかりません。都道府県名に続けて市区町村名を入力してください（例: 東京都葛飾区）',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('reports a tag cell of nothing but separators rather than emptying the list', async () => {
    const sheet = [
      'メールアドレス,氏名,フリガナ,提供できること,関心テーマ',
      'asakusa@example.jp,浅草 一郎,アサクサ イチロウ,金型設計、,事業承継',
      'asakusa@example.jp,浅草 一郎,アサクサ イチロウ,、／,事業承継',
    ];
    ok(await t.gql<ImportResult>(IMPORT, { csv: sheet.slice(0, 2).join('\r\n') }, staff));
    const result = ok(
      await t.gql<ImportResult>(IMPORT, { csv: [sheet[0], sheet[2]].join('\r\n') }, staff),
    ).importParticipants;
    expect(result.errors).toEqual([
      {
        row: 2,
        field: 'offers',
        column: '提供できること',
        message: '「、／」には項目がありません。ない場合は空欄にしてください',
      },
    ]);
    const [row] = await t.dataSource.query(
      `SELECT offers FROM participants WHERE email = 'asakusa@example.jp'`,
    );
    expect(row.offers).toEqual(['金型設計']);
  });

  it('imports back the CSV it exports, written in words, without changing anyone', async () => {
    await t.dataSource.query(
      `UPDATE participants SET phone = '0312345678' WHERE email = 'takahashi@example.jp'`,
    );
    await t.dataSource.query(
      `UPDATE companies SET corporate_number = '7000012050002'
        WHERE id = (SELECT company_id FROM participants WHERE email = 'takahashi@example.jp')`,
    );
    const exported = await fetch(`${t.url}/exports/participants.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const csv = await exported.text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header.split(',');
    const takahashi = rows.find((row) => row.startsWith('takahashi@example.jp'))!.split(',');
    expect(takahashi[columns.indexOf('業種')]).toBe('E 製造業');
    expect(takahashi[columns.indexOf('区分')]).toBe('その他');
    expect(takahashi[columns.indexOf('言語')]).toBe('日本語');
    expect(takahashi[columns.indexOf('マッチング同意')]).toBe('はい');
    expect(takahashi[columns.indexOf('メール配信停止')]).toBe('いいえ');
    // Kept as text, so Excel shows 0312345678 and 3013105001132, not 312345678 and 3.01311E+12.
    expect(takahashi[columns.indexOf('電話番号')]).toBe('"=""0312345678"""');
    expect(takahashi[columns.indexOf('法人番号')]).toBe('"=""7000012050002"""');

    const before = await t.dataSource.query(
      'SELECT p.*, c.industry FROM participants p LEFT JOIN companies c ON c.id = p.company_id ORDER BY p.email',
    );
    const result = ok(await t.gql<ImportResult>(IMPORT, { csv }, staff)).importParticipants;
    // Every row found as it was: none counted as updated, as the 変更履歴 has nothing to add.
    expect(result).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: rows.length,
      errors: [],
      ignoredColumns: [],
    });
    const after = await t.dataSource.query(
      'SELECT p.*, c.industry FROM participants p LEFT JOIN companies c ON c.id = p.company_id ORDER BY p.email',
    );
    const settled = (list: Record<string, unknown>[]) => list.map(({ updated_at: _, ...row }) => row);
    expect(settled(after)).toEqual(settled(before));
  });

  it('records the importing staff member as 最終更新者 of each row the file changes, and only those', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const importer = await staffSession(
      t,
      Role.STAFF,
      await createOrganization(t, admin, { name: '墨田区産業振興課', kind: 'MUNICIPALITY' }),
      'sumida@example.jp',
    );
    await t.dataSource.query(`UPDATE users SET name = '墨田 三郎' WHERE email = 'sumida@example.jp'`);
    const lastUpdates = async () =>
      Object.fromEntries(
        (
          await t.dataSource.query(
            `SELECT p.email, p.profile_updated_at AS at, u.name AS by FROM participants p
               LEFT JOIN users u ON u.id = p.profile_updated_by_user_id
              WHERE p.email IN ('takahashi@example.jp', 'yamazaki@example.jp')`,
          )
        ).map((row: { email: string; at: Date; by: string }) => [row.email, row]),
      );
    const before = await lastUpdates();
    const sheet = [
      'メールアドレス,氏名,フリガナ,電話番号',
      'takahashi@example.jp,髙橋 健一,タカハシ ケンイチ,03-5555-0101',
      'yamazaki@example.jp,山﨑 美咲,ヤマザキ ミサキ,',
    ].join('\r\n');
    // 髙橋's telephone changes; 山﨑 is as she was.
    expect(ok(await t.gql<ImportResult>(IMPORT, { csv: sheet }, importer)).importParticipants).toMatchObject({
      updated: 1,
      unchanged: 1,
      errors: [],
    });
    const after = await lastUpdates();
    expect(after['takahashi@example.jp'].by).toBe('墨田 三郎');
    expect(after['takahashi@example.jp'].at.getTime()).toBeGreaterThan(
      before['takahashi@example.jp'].at.getTime(),
    );
    // Nothing in 山﨑's row changed: the earlier 最終更新 stands.
    expect(after['yamazaki@example.jp']).toEqual(before['yamazaki@example.jp']);
    expect(before['yamazaki@example.jp'].by).toBe('テスト 担当');

    const lastUpdate = ok(
      await t.gql<{ participants: { edges: { node: { lastUpdate: unknown } }[] } }>(
        '{ participants(filter: { text: "髙橋 健一" }) { edges { node { lastUpdate { byName byOrganization bySelf } } } } }',
        {},
        staff,
      ),
    ).participants.edges[0].node.lastUpdate;
    expect(lastUpdate).toEqual({ byName: '墨田 三郎', byOrganization: '墨田区産業振興課', bySelf: false });
  });

  it('names the newcomers who may be in the pool already under another address (名寄せ候補)', async () => {
    const first = [
      'メールアドレス,氏名,フリガナ',
      'misaki.ota@ota-kikaku.example.jp,太田 美﨑,オオタ ミサキ',
    ];
    ok(await t.gql<ImportResult>(IMPORT, { csv: first.join('\r\n') }, staff));
    // Another organisation's list: the same person under a personal address, as its staff typed her.
    const second = [
      'メールアドレス,氏名,フリガナ',
      'misaki.ota@ota-kikaku.example.jp,太田 美﨑,オオタ ミサキ',
      'ota.new@example.jp,太田 新一,オオタ シンイチ',
      'misaki.ota@mail.example.jp,太田　美崎,オオタ ミサキ',
    ];
    const result = ok(
      await t.gql<{
        importParticipants: {
          created: number;
          updated: number;
          possibleDuplicateCount: number;
          possibleDuplicates: unknown[];
        };
      }>(
        `mutation($csv: String) { importParticipants(csv: $csv) { created updated possibleDuplicateCount
           possibleDuplicates { row email existingName existingEmail } } }`,
        { csv: second.join('\r\n') },
        staff,
      ),
    ).importParticipants;
    expect(result).toEqual({
      created: 2,
      updated: 0,
      possibleDuplicateCount: 1,
      possibleDuplicates: [
        {
          row: 4,
          email: 'misaki.ota@mail.example.jp',
          existingName: '太田 美﨑',
          existingEmail: 'misaki.ota@ota-kikaku.example.jp',
        },
      ],
    });
  });

  it('is for staff only', async () => {
    expect(failure(await t.gql(IMPORT, { csv: 'email\n' })).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
