import { Role } from '../src/auth/actor';
import { nameKey, nameKeySql } from '../src/common/japan/person-name';
import { fetchCsv } from './support/csv-export';
import { createOrganization, createParticipant, staffSession } from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CANDIDATES = `query($first: Int, $after: String, $includeDistinct: Boolean, $participantId: ID) {
  duplicateCandidates(first: $first, after: $after, includeDistinct: $includeDistinct, participantId: $participantId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { first { id name } second { id name } matched markedDistinct firstRegistrationCount } }
  }
}`;

interface Candidate {
  first: { id: string; name: string };
  second: { id: string; name: string };
  matched: string[];
  markedDistinct: boolean;
  firstRegistrationCount: number;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Candidate }[];
}

/**
 * 名寄せ候補: a 経営指導員 looks for people who came into the pool twice, from lists typed by
 * different hands, and tells the service which pairs are in fact two people.
 */
describe('finding who may be in the pool twice', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  /** Everyone gets a reading of their own unless given one: a shared one is a clue. */
  let readings = 0;
  const person = (name: string, input: Record<string, unknown> = {}) =>
    createParticipant(t, staff, { name, furigana: `テスト ${'ア'.repeat(++readings)}`, ...input });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '足立区商工会議所' });
    staff = await staffSession(t, Role.STAFF, orgId);
  });
  afterAll(async () => {
    await t?.close();
  });

  const candidates = async (variables: Record<string, unknown> = {}) =>
    ok(await t.gql<{ duplicateCandidates: Page }>(CANDIDATES, variables, staff)).duplicateCandidates;
  /** Each pair as "name ⇔ name: what matched" (the names in code-point order), in the list's order. */
  const pairs = (page: Page) =>
    page.edges.map(
      ({ node }) => `${[node.first.name, node.second.name].sort().join(' ⇔ ')}: ${node.matched.join('、')}`,
    );
  const markDistinct = (participantId: string, otherId: string, distinct?: boolean) =>
    t.gql(
      'mutation($p: ID!, $o: ID!, $d: Boolean) { markDistinctParticipants(participantId: $p, otherId: $o, distinct: $d) }',
      { p: participantId, o: otherId, d: distinct },
      staff,
    );

  it('pairs the same name, a shared mobile number and one reading at one firm, and no one else', async () => {
    // One person typed twice: a variant kanji, a full-width space.
    await person('髙橋 美﨑', { furigana: 'タカハシ ミサキ', phone: '090-1234-5678' });
    await person('高橋　美崎', { furigana: 'タカハシ ミサキ' });
    // Colleagues sharing the office number are not one person.
    await person('佐藤 健一', {
      furigana: 'サトウ ケンイチ',
      company: { name: '佐藤食品株式会社' },
      phone: '03-1111-2222',
    });
    await person('鈴木 花子', {
      furigana: 'スズキ ハナコ',
      company: { name: '佐藤食品株式会社' },
      phone: '03-1111-2222',
    });
    // A mobile number is one person's, however it was written.
    await person('山本 翔', { phone: '080-1111-2222' });
    await person('山本 翔太', { phone: '０８０（１１１１）２２２２' });
    // 斉藤 and 斎藤 are different names, but one reading at one firm.
    await person('斉藤 誠', { furigana: 'サイトウ マコト', company: { name: '斎藤工業' } });
    await person('斎藤 誠', { furigana: 'サイトウ マコト', company: { name: '斎藤工業' } });
    await person('斎藤 誠子', { furigana: 'サイトウ マサコ', company: { name: '斎藤工業' } });
    // Someone erased is out of the pool, and no longer anyone's 別人.
    const erased = await person('山本 翔', { phone: '090-9999-0000' });
    const namesake = await person('山本 翔', { phone: '090-8888-0000' });
    ok(await markDistinct(erased.id, namesake.id));
    ok(
      await t.gql(
        'mutation($id: ID!) { eraseParticipant(id: $id) { participantId } }',
        { id: erased.id },
        admin,
      ),
    );

    const marksOnTheErased: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM participant_distinct_pairs WHERE $1 IN (first_participant_id, second_participant_id)',
      [erased.id],
    );
    expect(marksOnTheErased).toEqual([]);

    const page = await candidates();
    expect(page.totalCount).toBe(4);
    expect(pairs(page).sort()).toEqual(
      [
        '山本 翔 ⇔ 山本 翔: 氏名',
        '山本 翔 ⇔ 山本 翔太: 携帯電話番号',
        '斉藤 誠 ⇔ 斎藤 誠: フリガナ、事業者',
        '高橋　美崎 ⇔ 髙橋 美﨑: 氏名、フリガナ',
      ].sort(),
    );
  });

  it('compares names in Postgres exactly as nameKey does', async () => {
    const names = [
      '山田　太郎',
      'Ｅｍｍａ Ｃｌａｒｋｅ',
      '髙橋 美﨑',
      '𠮷田 花子',
      '嶋田 眞一',
      '飛驒 彌生',
      `葛${String.fromCodePoint(0xe0100)}西 一郎`,
      `${String.fromCodePoint(0xfa10)}本 恵`,
      '斉藤 誠',
    ];
    const rows: { key: string }[] = await t.dataSource.query(
      `SELECT ${nameKeySql('name')} AS key FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i) ORDER BY i`,
      [names],
    );
    expect(rows.map((row) => row.key)).toEqual(names.map(nameKey));
  });

  it('stops offering a pair staff found to be two people, and offers it again when told so', async () => {
    const first = await person('渡辺 大輔', { company: { name: '渡辺塗装' } });
    const second = await person('渡邉 大輔', { company: { name: 'わたなべ設計事務所' } });
    const shown = async () => pairs(await candidates({ first: 100 })).filter((pair) => pair.includes('大輔'));
    expect(await shown()).toHaveLength(1);

    ok(await markDistinct(second.id, first.id));
    ok(await markDistinct(first.id, second.id)); // twice, either order: the same
    expect(await shown()).toEqual([]);
    const all = await candidates({ first: 100, includeDistinct: true });
    const marked = all.edges.find(({ node }) => node.first.name.endsWith('大輔'))!.node;
    expect(marked.markedDistinct).toBe(true);

    ok(await markDistinct(first.id, second.id, false));
    expect(await shown()).toHaveLength(1);
    ok(await markDistinct(first.id, second.id));
  });

  it('carries a 別人 mark over when the duplicate it was on is merged', async () => {
    const a = await person('中村 優', { company: { name: '中村商店' } });
    const b = await person('中村 優', { company: { name: '中村建設' } });
    const bAgain = await person('中村　優', { company: { name: '中村建設' } });
    ok(await markDistinct(a.id, bAgain.id));
    ok(
      await t.gql(
        'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { emailsMoved } }',
        { p: b.id, d: bAgain.id },
        staff,
      ),
    );
    const shown = pairs(await candidates({ first: 100 })).filter((pair) => pair.includes('中村'));
    expect(shown).toEqual([]);
  });

  it('pages through the list and exports it for Excel', async () => {
    const firstPage = await candidates({ first: 2 });
    expect(firstPage.edges).toHaveLength(2);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const rest = await candidates({ first: 100, after: firstPage.pageInfo.endCursor });
    const everyPair = [...pairs(firstPage), ...pairs(rest)];
    expect(everyPair).toHaveLength(firstPage.totalCount);
    expect(new Set(everyPair).size).toBe(everyPair.length);
    // Past the last pair: no pair, and still how many there are.
    const beyond = await candidates({ first: 10, after: rest.pageInfo.endCursor });
    expect(beyond).toMatchObject({
      edges: [],
      totalCount: firstPage.totalCount,
      pageInfo: { hasNextPage: false },
    });
    expect(failure(await t.gql(CANDIDATES, { after: 'not-a-cursor' }, staff)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });

    const csv = await fetchCsv(t, '/exports/duplicate-candidates.csv', staff);
    expect(csv.status).toBe(200);
    expect(csv.bom).toBe(true);
    expect(csv.disposition).toContain(encodeURIComponent('名寄せ候補.csv'));
    expect(csv.lines[0]).toBe(
      '一致した項目,氏名1,フリガナ1,メールアドレス1,電話番号1,事業者名1,最終更新日時1,参加者ID1,参加登録数1,' +
        '氏名2,フリガナ2,メールアドレス2,電話番号2,事業者名2,最終更新日時2,参加者ID2,参加登録数2,別人として確認済み',
    );
    expect(csv.lines).toHaveLength(firstPage.totalCount + 1);
    const takahashi = csv.lines.find((line) => line.includes('美﨑'))!;
    expect(takahashi).toMatch(/^氏名、フリガナ,/);
    expect(takahashi).toContain('"=""090-1234-5678"""');
    const withMarked = await fetchCsv(t, '/exports/duplicate-candidates.csv?includeDistinct=true', staff);
    expect(withMarked.lines.some((line) => line.includes('大輔') && line.endsWith(',はい'))).toBe(true);
    const wrong = await fetchCsv(t, '/exports/duplicate-candidates.csv?includeDistinct=yes', staff);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('includeDistinct');
  });

  it('shows the pairs of one participant, for their profile', async () => {
    const mori = await person('森 健太', { phone: '070-3333-4444' });
    const moriAgain = await person('森 健太');
    const viaMobile = await person('森 健', { phone: '070-3333-4444' });
    const page = await candidates({ participantId: mori.id });
    expect(page.totalCount).toBe(2);
    const others = page.edges.map(({ node }) => (node.first.id === mori.id ? node.second.id : node.first.id));
    expect(others.sort()).toEqual([moriAgain.id, viaMobile.id].sort());
    const csv = await fetchCsv(t, `/exports/duplicate-candidates.csv?participantId=${moriAgain.id}`, staff);
    expect(csv.lines).toHaveLength(2);
    const wrong = await fetchCsv(t, '/exports/duplicate-candidates.csv?participantId=mori', staff);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('participantId');
  });

  it('answers typed errors that name the field', async () => {
    const someone = await person('小林 一');
    expect(failure(await markDistinct(someone.id, someone.id)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'otherId',
    });
    expect(
      failure(await markDistinct(someone.id, '00000000-0000-4000-8000-000000000000')).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'otherId' });
  });
});
