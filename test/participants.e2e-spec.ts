import { Role } from '../src/auth/actor';
import { WHOLE_LIST_PAGE_SIZE } from '../src/common/pagination/keyset-page';
import { Participant } from '../src/participants/participant.entity';
import { createOrganization, createParticipant, staffSession } from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';

const UPSERT = `mutation($input: UpsertParticipantInput!) {
  upsertParticipant(input: $input) { id email furigana offers needs themes company { name corporateNumber industry industryName municipality } }
}`;

describe('participants', () => {
  let t: TestApp;
  let staff: string;
  let otherOrgStaff: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '葛飾区商工会議所' });
    const other = await createOrganization(t, admin, {
      name: '川口商工会議所',
      municipality: '埼玉県川口市',
    });
    staff = await staffSession(t, Role.STAFF, org, 'katsushika@example.jp');
    otherOrgStaff = await staffSession(t, Role.STAFF, other, 'kawaguchi@example.jp');
    await t.dataSource.query(
      `UPDATE users SET name = CASE email WHEN 'katsushika@example.jp' THEN '葛飾 一郎' ELSE '川口 次郎' END
        WHERE email IN ('katsushika@example.jp', 'kawaguchi@example.jp')`,
    );
  });
  afterAll(() => t.close());

  it('creates and then updates a participant by email, normalising tags and furigana', async () => {
    const input = {
      email: 'Takahashi@Example.jp',
      name: '髙橋 健一',
      furigana: 'ﾀｶﾊｼ ｹﾝｲﾁ',
      kind: 'SUCCESSOR',
      offers: ['精密板金', ' 精密板金 ', '溶接'],
      needs: ['ＤＸ', '販路開拓'],
      themes: ['事業承継'],
      company: {
        name: '髙橋製作所',
        corporateNumber: '3013105001132',
        industry: '製造業',
        municipality: '東京都 葛飾区',
      },
    };
    const created = ok(await t.gql<{ upsertParticipant: Record<string, unknown> }>(UPSERT, { input }, staff));
    expect(created.upsertParticipant).toMatchObject({
      email: 'takahashi@example.jp',
      furigana: 'タカハシ ケンイチ',
      offers: ['精密板金', '溶接'],
      needs: ['DX', '販路開拓'],
      company: { name: '髙橋製作所', industry: 'E', industryName: '製造業', municipality: '東京都葛飾区' },
    });
    const updated = ok(
      await t.gql<{ upsertParticipant: { id: string; needs: string[] } }>(
        UPSERT,
        { input: { ...input, email: 'takahashi@example.jp', needs: ['EC構築'] } },
        staff,
      ),
    );
    expect(updated.upsertParticipant.id).toBe(created.upsertParticipant.id);
    expect(updated.upsertParticipant.needs).toEqual(['EC構築']);
  });

  it.each([
    [
      'corporateNumber',
      { company: { name: '誤番号工業', corporateNumber: '1234567890123' } },
      'company.corporateNumber',
    ],
    ['industry', { company: { name: '不明工業', industry: 'Z' } }, 'company.industry'],
    ['furigana', { furigana: '髙橋' }, 'furigana'],
    ['municipality', { company: { name: '所在不明商事', municipality: '葛飾' } }, 'company.municipality'],
    ['email', { email: 'not-an-email' }, 'email'],
  ])('rejects a wrong %s naming the field, writing nothing', async (_, change, field) => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM participants');
    const input = {
      email: 'bad@example.jp',
      name: '誤入力 太郎',
      furigana: 'ゴニュウリョク タロウ',
      ...change,
    };
    const error = failure(await t.gql(UPSERT, { input }, staff));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM participants')).toEqual(before);
  });

  it('filters the shared pool by text, industry, municipality, kind, theme and tag, paging by cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await createParticipant(t, staff, {
        name: `鈴木 花子${i}`,
        furigana: `スズキ ハナコ${'ア'.repeat(i + 1)}`,
        kind: 'YOUNG_ENTREPRENEUR',
        themes: ['DX'],
        tags: ['若手経営者の会'],
        company: { name: `鈴木デザイン${i}`, industry: 'G', municipality: '東京都墨田区' },
      });
    }
    const query = `query($filter: ParticipantFilter, $first: Int, $after: String) {
      participants(filter: $filter, first: $first, after: $after) { totalCount edges { node { name furigana } } pageInfo { hasNextPage endCursor } }
    }`;
    const filter = {
      text: 'スズキ',
      industry: 'G',
      municipality: '東京都墨田区',
      kind: 'YOUNG_ENTREPRENEUR',
      theme: 'dx',
      tag: '若手経営者の会',
    };
    type Page = {
      participants: {
        totalCount: number;
        edges: { node: { furigana: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = ok(await t.gql<Page>(query, { filter, first: 3 }, otherOrgStaff));
    expect(first.participants.totalCount).toBe(5);
    expect(first.participants.edges).toHaveLength(3);
    expect(first.participants.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await t.gql<Page>(
        query,
        { filter, first: 3, after: first.participants.pageInfo.endCursor },
        otherOrgStaff,
      ),
    );
    expect(second.participants.edges).toHaveLength(2);
    expect(second.participants.pageInfo.hasNextPage).toBe(false);
    const furigana = [...first.participants.edges, ...second.participants.edges].map(
      (edge) => edge.node.furigana,
    );
    expect(furigana).toEqual([...furigana].sort());
    const byCompanyName = ok(await t.gql<Page>(query, { filter: { text: '鈴木デザイン3' } }, staff));
    expect(byCompanyName.participants.totalCount).toBe(1);
    // By the address someone gives on the phone, in whatever case and width they are typed in.
    await createParticipant(t, staff, { email: 'kenta.suzuki@suzuki-design.example.jp' });
    const byEmail = ok(await t.gql<Page>(query, { filter: { text: 'Ｋｅｎｔａ.Suzuki@' } }, staff));
    expect(byEmail.participants.totalCount).toBe(1);
  });

  it('shows contact details to staff and to the person themself only', async () => {
    const a = await createParticipant(t, staff, { phone: '03-1234-5678' });
    const b = await createParticipant(t, staff);
    const query = 'query($id: ID!) { participant(id: $id) { name email phone } }';
    expect(
      ok(await t.gql<{ participant: { email: string } }>(query, { id: a.id }, staff)).participant.email,
    ).toBe(a.email);
    const self = ok(
      await t.gql<{ participant: { phone: string } }>(query, { id: a.id }, await t.participantToken(a.id)),
    );
    expect(self.participant.phone).toBe('03-1234-5678');
    const other = ok(
      await t.gql<{ participant: { email: null; phone: null } }>(
        query,
        { id: a.id },
        await t.participantToken(b.id),
      ),
    );
    expect(other.participant).toMatchObject({ email: null, phone: null });
    expect(failure(await t.gql(query, { id: a.id })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a person’s consents to staff and to the person themself only', async () => {
    const a = await createParticipant(t, staff, { consentContactSharing: true, consentEmail: false });
    const b = await createParticipant(t, staff);
    const query =
      'query($id: ID!) { participant(id: $id) { consentMatchmaking consentEmail consentContactSharing } }';
    const consents = { consentMatchmaking: true, consentEmail: false, consentContactSharing: true };
    expect(ok(await t.gql(query, { id: a.id }, staff))).toEqual({ participant: consents });
    expect(ok(await t.gql(query, { id: a.id }, await t.participantToken(a.id)))).toEqual({
      participant: consents,
    });
    expect(ok(await t.gql(query, { id: a.id }, await t.participantToken(b.id)))).toEqual({
      participant: { consentMatchmaking: null, consentEmail: null, consentContactSharing: null },
    });
  });

  it('lets a participant edit their own profile but not list the pool or upsert others', async () => {
    const me = await createParticipant(t, staff);
    const token = await t.participantToken(me.id);
    const updated = ok(
      await t.gql<{ updateMyProfile: { needs: string[]; email: string } }>(
        'mutation { updateMyProfile(input: { needs: ["海外展開", "海外展開"], needsText: "ASEANへの輸出を検討しています" }) { needs email } }',
        {},
        token,
      ),
    );
    expect(updated.updateMyProfile).toEqual({ needs: ['海外展開'], email: me.email });
    // A company's new name alone keeps its trade and town.
    const withCompany = await createParticipant(t, staff, {
      company: { name: '株式会社あさぎり硝子', industry: 'E', municipality: '東京都江東区' },
    });
    const renamed = ok(
      await t.gql<{ updateMyProfile: { company: Record<string, string | null> } }>(
        'mutation { updateMyProfile(input: { company: { name: "朝霧硝子株式会社" } }) { company { name industry municipality } } }',
        {},
        await t.participantToken(withCompany.id),
      ),
    ).updateMyProfile.company;
    expect(renamed).toEqual({ name: '朝霧硝子株式会社', industry: 'E', municipality: '東京都江東区' });
    expect(failure(await t.gql('{ participants { totalCount } }', {}, token)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      failure(
        await t.gql(UPSERT, { input: { email: 'x@example.jp', name: 'x', furigana: 'エックス' } }, token),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(await t.gql('mutation { updateMyProfile(input: { name: "x" }) { id } }', {}, staff)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(await t.gql('mutation { updateMyProfile(input: { name: "x" }) { id } }')).extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('records who last changed a profile (最終更新) and shows it to staff and the person only', async () => {
    type LastUpdate = { at: string; byName: string | null; byOrganization: string | null; bySelf: boolean };
    const LAST_UPDATE = 'lastUpdate { at byName byOrganization bySelf }';
    const input = {
      email: 'nakamura@example.jp',
      name: '中村 真一',
      furigana: 'ナカムラ シンイチ',
      phone: '03-3333-0001',
      company: { name: '中村精機', corporateNumber: '3013105001132', employees: 12 },
    };
    const upsert = async (token: string, change: Record<string, unknown> = {}) =>
      ok(
        await t.gql<{ upsertParticipant: { id: string; lastUpdate: LastUpdate } }>(
          `mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id ${LAST_UPDATE} } }`,
          { input: { ...input, ...change } },
          token,
        ),
      ).upsertParticipant;
    const read = async (id: string, token: string) =>
      ok(
        await t.gql<{ participant: { lastUpdate: LastUpdate | null } }>(
          `query($id: ID!) { participant(id: $id) { ${LAST_UPDATE} } }`,
          { id },
          token,
        ),
      ).participant.lastUpdate;
    const katsushika = { byName: '葛飾 一郎', byOrganization: '葛飾区商工会議所', bySelf: false };
    const kawaguchi = { byName: '川口 次郎', byOrganization: '川口商工会議所', bySelf: false };

    const created = await upsert(staff);
    expect(created.lastUpdate).toMatchObject(katsushika);
    const { id } = created;
    // Another organisation writes the same profile again: nothing changed, so it stays A's.
    expect((await upsert(otherOrgStaff)).lastUpdate).toEqual(created.lastUpdate);
    // The phone number changes: now B's, seen by A as well.
    const byOther = await upsert(otherOrgStaff, { phone: '03-3333-0002' });
    expect(byOther.lastUpdate).toMatchObject(kawaguchi);
    expect(new Date(byOther.lastUpdate.at).getTime()).toBeGreaterThanOrEqual(
      new Date(created.lastUpdate.at).getTime(),
    );
    expect(await read(id, staff)).toEqual(byOther.lastUpdate);

    // The person edits their own profile.
    const token = await t.participantToken(id);
    const edit = (title: string) =>
      t.gql<{ updateMyProfile: { lastUpdate: LastUpdate } }>(
        `mutation($title: String) { updateMyProfile(input: { title: $title }) { ${LAST_UPDATE} } }`,
        { title },
        token,
      );
    const bySelf = ok(await edit('代表取締役')).updateMyProfile.lastUpdate;
    expect(bySelf).toMatchObject({ byName: null, byOrganization: null, bySelf: true });
    expect(ok(await edit('代表取締役')).updateMyProfile.lastUpdate).toEqual(bySelf);
    expect(await read(id, staff)).toEqual(bySelf);

    // Only the company's details change (従業員数): that is a change to this profile too.
    expect(
      (
        await upsert(otherOrgStaff, {
          phone: '03-3333-0002',
          title: '代表取締役',
          company: { ...input.company, employees: 15 },
        })
      ).lastUpdate,
    ).toMatchObject(kawaguchi);

    // In the pool list too; another participant never sees it, the person does.
    const list = ok(
      await t.gql<{ participants: { edges: { node: { id: string; lastUpdate: LastUpdate } }[] } }>(
        `{ participants(filter: { text: "中村 真一" }) { edges { node { id ${LAST_UPDATE} } } } }`,
        {},
        staff,
      ),
    );
    expect(list.participants.edges.map((edge) => edge.node)).toEqual([
      { id, lastUpdate: expect.objectContaining(kawaguchi) },
    ]);
    const stranger = await createParticipant(t, staff);
    expect(await read(id, await t.participantToken(stranger.id))).toBeNull();
    expect(await read(id, token)).toMatchObject(kawaguchi);

    const csv = await fetchCsv(t, '/exports/participants.csv', staff);
    const columns = csv.lines[0].split(',');
    expect(columns).toEqual(expect.arrayContaining(['最終更新日時', '最終更新者']));
    const row = csv.lines.find((line) => line.startsWith('nakamura@example.jp'))!.split(',');
    expect(row[columns.indexOf('最終更新者')]).toBe('川口 次郎（川口商工会議所）');
    expect(row[columns.indexOf('最終更新日時')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await edit('会長');
    const afterSelf = await fetchCsv(t, '/exports/participants.csv', staff);
    const selfRow = afterSelf.lines.find((line) => line.startsWith('nakamura@example.jp'))!.split(',');
    expect(selfRow[columns.indexOf('最終更新者')]).toBe('本人');
  });

  it('keeps a 変更履歴 of each profile: which fields, from what to what, and who, by every way of writing it', async () => {
    type Change = {
      byName: string | null;
      byOrganization: string | null;
      bySelf: boolean;
      fields: { field: string; label: string; before: string; after: string }[];
      companyName: string | null;
    };
    const HISTORY =
      'profileChanges { at byName byOrganization bySelf fields { field label before after } companyName }';
    const input = {
      email: 'kobayashi@example.jp',
      name: '小林 髙志',
      furigana: 'コバヤシ タカシ',
      needs: ['販路開拓'],
      company: { name: '小林製作所', municipality: '東京都葛飾区' },
    };
    const upsert = async (token: string, change: Record<string, unknown> = {}) =>
      ok(
        await t.gql<{ upsertParticipant: { id: string } }>(
          `mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }`,
          { input: { ...input, ...change } },
          token,
        ),
      ).upsertParticipant.id;
    const history = async (id: string, token: string) =>
      ok(
        await t.gql<{ participant: { profileChanges: Change[] | null } }>(
          `query($id: ID!) { participant(id: $id) { ${HISTORY} } }`,
          { id },
          token,
        ),
      ).participant.profileChanges;

    const id = await upsert(staff);
    // Creating a profile, or writing it again unchanged, is no change.
    await upsert(otherOrgStaff);
    expect(await history(id, staff)).toEqual([]);

    // Another organisation overwrites what 葛飾 entered: the old values stay readable.
    await upsert(otherOrgStaff, {
      needs: ['事業承継', '販路開拓'],
      kind: 'SUCCESSOR',
      company: { name: '小林精密', municipality: '埼玉県川口市' },
    });
    const [byOther] = (await history(id, staff))!;
    expect(byOther).toMatchObject({ byName: '川口 次郎', byOrganization: '川口商工会議所', bySelf: false });
    expect(byOther.fields).toEqual(
      expect.arrayContaining([
        { field: 'needs', label: '求めること', before: '販路開拓', after: '事業承継、販路開拓' },
        { field: 'kind', label: '区分', before: 'その他', after: '後継者' },
        { field: 'company', label: '事業者名', before: '小林製作所', after: '小林精密' },
      ]),
    );
    expect(byOther.fields).toHaveLength(3);

    // The person's own edit, newest first; another participant sees no history at all.
    const token = await t.participantToken(id);
    ok(
      await t.gql(
        'mutation { updateMyProfile(input: { needsText: "海外の販路を探しています" }) { id } }',
        {},
        token,
      ),
    );
    const own = (await history(id, token))!;
    expect(own.map((change) => change.bySelf)).toEqual([true, false]);
    expect(own[0].fields).toEqual([
      { field: 'needsText', label: '求めること（詳細）', before: '', after: '海外の販路を探しています' },
    ]);
    const stranger = await createParticipant(t, staff, { name: '別人 太郎' });
    expect(await history(id, await t.participantToken(stranger.id))).toBeNull();

    // The CSV import records its changes the same way.
    const csv = [
      'メールアドレス,氏名,フリガナ,役職',
      'kobayashi@example.jp,小林 髙志,コバヤシ タカシ,専務取締役',
    ].join('\r\n');
    ok(await t.gql('mutation($csv: String) { importParticipants(csv: $csv) { updated } }', { csv }, staff));
    const [imported] = (await history(id, staff))!;
    expect(imported).toMatchObject({
      byName: '葛飾 一郎',
      fields: [{ field: 'title', before: '', after: '専務取締役' }],
    });

    // The person's download of their data includes it.
    const exported = ok(
      await t.gql<{ exportMyData: { profileChanges: Change[] } }>(
        `{ exportMyData { ${HISTORY} } }`,
        {},
        token,
      ),
    ).exportMyData.profileChanges;
    expect(exported).toHaveLength(3);

    // The whole pool's history as CSV, one row per changed field.
    const audit = await fetchCsv(t, '/exports/profile-changes.csv', staff);
    expect({ status: audit.status, bom: audit.bom }).toEqual({ status: 200, bom: true });
    expect(audit.lines[0]).toBe('変更日時,氏名,事業者名,メールアドレス,変更者,項目,変更前,変更後');
    const rows = audit.lines.slice(1).map((line) => line.split(',').slice(1).join(','));
    expect(rows).toEqual(
      expect.arrayContaining([
        '小林 髙志,小林精密,kobayashi@example.jp,葛飾 一郎（葛飾区商工会議所）,役職,,専務取締役',
        '小林 髙志,小林精密,kobayashi@example.jp,本人,求めること（詳細）,,海外の販路を探しています',
        '小林 髙志,小林精密,kobayashi@example.jp,川口 次郎（川口商工会議所）,求めること,販路開拓,事業承継、販路開拓',
      ]),
    );
    // A write that changes the company's own details (従業員数) shows in the history of who it names.
    await upsert(staff, {
      needs: ['事業承継', '販路開拓'],
      kind: 'SUCCESSOR',
      company: { name: '小林精密', municipality: '埼玉県川口市', employees: 30 },
    });
    const [companyChange] = (await history(id, staff))!;
    expect(companyChange.fields).toEqual([
      { field: 'company.employees', label: '従業員数', before: '', after: '30' },
    ]);

    // They move to another company: each change keeps the company its profile named then (the
    // one the change itself moved them to), not the company they are at now.
    await upsert(staff, {
      needs: ['事業承継', '販路開拓'],
      kind: 'SUCCESSOR',
      company: { name: '小林ホールディングス', municipality: '東京都葛飾区' },
    });
    const later = await fetchCsv(t, '/exports/profile-changes.csv', staff);
    expect(later.lines.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual(
      expect.arrayContaining([
        '小林 髙志,小林ホールディングス,kobayashi@example.jp,葛飾 一郎（葛飾区商工会議所）,事業者名,小林精密,小林ホールディングス',
        '小林 髙志,小林精密,kobayashi@example.jp,葛飾 一郎（葛飾区商工会議所）,役職,,専務取締役',
        '小林 髙志,小林精密,kobayashi@example.jp,川口 次郎（川口商工会議所）,事業者名,小林製作所,小林精密',
      ]),
    );
    expect((await history(id, staff))!.map((change) => change.companyName)).toEqual([
      '小林ホールディングス',
      '小林精密',
      '小林精密',
      '小林精密',
      '小林精密',
    ]);

    const backwards = await fetchCsv(t, '/exports/profile-changes.csv?from=2026-12-10&to=2026-12-01', staff);
    expect(backwards.status).toBe(400);
    expect(JSON.parse(backwards.text)).toMatchObject({ error: 'BAD_USER_INPUT', field: 'to' });
  });

  it('exports the pool as CSV that Excel opens in Japanese', async () => {
    const response = await fetchCsv(t, '/exports/participants.csv', staff);
    expect(response).toMatchObject({ status: 200, bom: true });
    expect(response.contentType).toContain('text/csv');
    expect(response.lines[0]).toContain('メールアドレス,氏名,フリガナ');
    expect(response.text).toContain('髙橋 健一');
    expect((await fetchCsv(t, '/exports/participants.csv')).status).toBe(401);
  });

  it('exports a list longer than the pages it is read in, everyone once, in the list order', async () => {
    // One フリガナ for all: the pages meet among equal sort values, where only the id decides.
    const count = WHOLE_LIST_PAGE_SIZE + 3;
    const emails = Array.from({ length: count }, (_, i) => `page-${String(i).padStart(4, '0')}@example.jp`);
    await t.dataSource
      .getRepository(Participant)
      .insert(emails.map((email) => ({ email, name: '頁 送太', furigana: 'ページ ソウタ' })));
    const { status, lines } = await fetchCsv(
      t,
      `/exports/participants.csv?text=${encodeURIComponent('頁 送太')}`,
      staff,
    );
    expect(status).toBe(200);
    const exported = lines.slice(1).map((line) => line.split(',')[0]);
    expect(exported).toHaveLength(count);
    expect(new Set(exported)).toEqual(new Set(emails));
    const ids = await t.dataSource.getRepository(Participant).find({
      select: { id: true, email: true },
      where: { furigana: 'ページ ソウタ' },
      order: { id: 'ASC' },
    });
    expect(exported).toEqual(ids.map((participant) => participant.email));
  });

  it('refuses a bad profile field in the participant’s language, naming the field', async () => {
    const emma = await createParticipant(t, staff, { name: 'Emma Clarke', locale: 'en' });
    const kenji = await createParticipant(t, staff, { name: '中村 健司' });
    const refused = async (id: string, input: Record<string, unknown>) =>
      failure(
        await t.gql(
          'mutation($input: ProfileInput!) { updateMyProfile(input: $input) { id } }',
          { input },
          await t.participantToken(id),
        ),
      );
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { furigana: 'Emma' },
        'furigana',
        'Please write the furigana (the reading of your name) in katakana or hiragana.',
        'フリガナはカタカナ（またはひらがな）で入力してください',
      ],
      [{ name: '  ' }, 'name', 'Name cannot be empty.', '氏名を入力してください'],
      [
        { phone: 'call me' },
        'phone',
        'Phone number is not in the right format.',
        '電話番号の形式が正しくありません',
      ],
      [
        { offersText: 'x'.repeat(4001) },
        'offersText',
        'What you offer (text) must be at most 4000 characters.',
        '提供できること（文章）は 4000 文字以内で入力してください',
      ],
      [
        { company: { name: 'Clarke Design', municipality: 'London' } },
        'company.municipality',
        'Location must be a prefecture followed by a city, ward, town or village, in Japanese (e.g. 東京都葛飾区).',
        '所在地は都道府県名から始まる市区町村名で入力してください（例: 東京都葛飾区）',
      ],
      [
        { company: { name: 'Clarke Design', employees: -1 } },
        'company.employees',
        'Number of employees must be 0 or more.',
        '従業員数は0以上で入力してください',
      ],
    ];
    for (const [input, field, english, japanese] of cases) {
      const inEnglish = await refused(emma.id, input);
      expect(inEnglish.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(inEnglish.message).toBe(english);
      expect((await refused(kenji.id, input)).message).toBe(japanese);
    }
    // Staff read Japanese whatever the participant's language.
    const byStaff = failure(
      await t.gql(UPSERT, { input: { email: emma.email, name: 'Emma Clarke', furigana: 'Emma' } }, staff),
    );
    expect(byStaff.message).toBe('フリガナはカタカナ（またはひらがな）で入力してください');
  });

  it('refuses an empty tag instead of emptying the list, in the participant’s language, naming the field', async () => {
    const daniel = await createParticipant(t, staff, {
      name: 'Daniel Weber',
      locale: 'en',
      offers: ['精密板金'],
      themes: ['事業承継'],
    });
    const kenji = await createParticipant(t, staff, {
      name: '中村 健一',
      offers: ['精密板金'],
      themes: ['事業承継'],
    });
    const update = async (id: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($input: ProfileInput!) { updateMyProfile(input: $input) { id } }',
        { input },
        await t.participantToken(id),
      );
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { themes: [''] },
        'themes',
        'Themes cannot contain an empty item.',
        'テーマに空の項目があります。項目を入力するか、取り除いてください',
      ],
      [
        { offers: ['', '  '] },
        'offers',
        'What you offer cannot contain an empty item.',
        '提供できることに空の項目があります。項目を入力するか、取り除いてください',
      ],
      [
        { needs: ['販路開拓', '　'] },
        'needs',
        'What you are looking for cannot contain an empty item.',
        '求めることに空の項目があります。項目を入力するか、取り除いてください',
      ],
    ];
    for (const [input, field, english, japanese] of cases) {
      const inEnglish = failure(await update(daniel.id, input));
      const inJapanese = failure(await update(kenji.id, input));
      expect(inEnglish).toMatchObject({ message: english, extensions: { code: 'BAD_USER_INPUT', field } });
      expect(inJapanese).toMatchObject({ message: japanese, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    // Staff are refused alike, and nobody's lists were touched.
    expect(
      failure(
        await t.gql(
          UPSERT,
          { input: { email: kenji.email, name: '中村 健一', furigana: 'ナカムラ ケンイチ', themes: ['  '] } },
          staff,
        ),
      ),
    ).toMatchObject({
      message: 'テーマに空の項目があります。項目を入力するか、取り除いてください',
      extensions: { code: 'BAD_USER_INPUT', field: 'themes' },
    });
    const rows: { offers: string[]; themes: string[] }[] = await t.dataSource.query(
      'SELECT offers, themes FROM participants WHERE id = ANY($1) ORDER BY name',
      [[daniel.id, kenji.id]],
    );
    expect(rows).toEqual([
      { offers: ['精密板金'], themes: ['事業承継'] },
      { offers: ['精密板金'], themes: ['事業承継'] },
    ]);
  });
});
