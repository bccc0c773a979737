/**
 * `npm run bench:pool [participants]` — what staff do with a large pool, through the service as
 * deployed (HTTP, GraphQL, CSV): a page of the participant list and its CSV, a page of 名寄せ候補,
 * the next page, one participant's pairs (their profile), and the 名寄せ候補 CSV. The pool has
 * 50,000 participants by default. Each is timed five times after one warm-up call; the median is
 * reported. Target: a page in under a second, a CSV of the whole pool in under 10 s.
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NamePart } from '../scripts/demo/names';
import { Random } from '../scripts/demo/random';
import { medianMs, post, startService } from './bench-service';

const PEOPLE = Number(process.argv[2] ?? 50_000);
const ROUNDS = 5;
const CHUNK = 5_000;

/** Given names beyond the demo's common ones: two kanji, each with its reading. */
const GIVEN_FIRST: readonly [string, string][] = [
  ['健', 'ケン'],
  ['大', 'ダイ'],
  ['雄', 'ユウ'],
  ['翔', 'ショウ'],
  ['拓', 'タク'],
  ['直', 'ナオ'],
  ['和', 'カズ'],
  ['浩', 'ヒロ'],
  ['達', 'タツ'],
  ['正', 'マサ'],
  ['光', 'ミツ'],
  ['真', 'マ'],
  ['美', 'ミ'],
  ['恵', 'メグ'],
  ['智', 'トモ'],
  ['由', 'ユ'],
  ['千', 'チ'],
  ['奈', 'ナ'],
  ['康', 'ヤス'],
  ['秀', 'ヒデ'],
  ['信', 'ノブ'],
  ['昌', 'マサ'],
  ['義', 'ヨシ'],
  ['哲', 'テツ'],
  ['陽', 'ハル'],
  ['悠', 'ユウ'],
  ['彩', 'アヤ'],
  ['早', 'サ'],
  ['理', 'リ'],
  ['京', 'キョウ'],
  ['孝', 'タカ'],
  ['幸', 'ユキ'],
  ['春', 'ハル'],
  ['秋', 'アキ'],
  ['夏', 'ナツ'],
  ['冬', 'フユ'],
  ['英', 'ヒデ'],
  ['明', 'アキ'],
  ['清', 'キヨ'],
  ['俊', 'トシ'],
];
const GIVEN_SECOND: readonly [string, string][] = [
  ['太', 'タ'],
  ['介', 'スケ'],
  ['樹', 'キ'],
  ['人', 'ト'],
  ['也', 'ヤ'],
  ['子', 'コ'],
  ['美', 'ミ'],
  ['奈', 'ナ'],
  ['一', 'イチ'],
  ['二', 'ジ'],
  ['夫', 'オ'],
  ['男', 'オ'],
  ['彦', 'ヒコ'],
  ['郎', 'ロウ'],
  ['平', 'ヘイ'],
  ['輔', 'スケ'],
  ['香', 'カ'],
  ['江', 'エ'],
  ['恵', 'エ'],
  ['代', 'ヨ'],
  ['枝', 'エ'],
  ['乃', 'ノ'],
  ['希', 'キ'],
  ['斗', 'ト'],
  ['真', 'マ'],
  ['実', 'ミ'],
  ['里', 'リ'],
  ['紀', 'キ'],
  ['保', 'ホ'],
  ['志', 'シ'],
];

interface Person {
  email: string;
  name: string;
  furigana: string;
  phone: string | null;
}

/**
 * A pool shaped like the lists staff keep: common names (so namesakes at different firms, whom
 * staff mark 別人), about 1 % of people entered a second time as another list typed them (a
 * personal address, 高 for 髙, no space), and a few mobile numbers given for two people.
 */
function pool(size: number): Person[] {
  const random = new Random('bench-duplicates');
  const given = [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES];
  const people: Person[] = [];
  for (let index = 0; people.length < size; index++) {
    const family = random.pick(FAMILY_NAMES);
    const first: NamePart = random.chance(0.15)
      ? random.pick(given)
      : (() => {
          const [a, aKana] = random.pick(GIVEN_FIRST);
          const [b, bKana] = random.pick(GIVEN_SECOND);
          return { kanji: a + b, kana: aKana + bKana, romaji: '' };
        })();
    const person: Person = {
      email: `person${index}@bench.example.jp`,
      name: `${family.kanji} ${first.kanji}`,
      furigana: `${family.kana} ${first.kana}`,
      phone: random.chance(0.3) ? `090${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
    };
    people.push(person);
    if (random.chance(0.01) && people.length < size) {
      people.push({
        email: `person${index}.home@mail.bench.example.jp`,
        name: person.name
          .replace('髙', '高')
          .replace('﨑', '崎')
          .replace(' ', random.chance(0.5) ? '　' : ''),
        furigana: person.furigana,
        phone: person.phone,
      });
    }
  }
  return people;
}

async function load(db: DataSource, people: Person[]): Promise<void> {
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO participants (email, name, furigana, phone)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[])`,
      [
        chunk.map((p) => p.email),
        chunk.map((p) => p.name),
        chunk.map((p) => p.furigana),
        chunk.map((p) => p.phone),
      ],
    );
  }
  await db.query('ANALYZE participants');
}

const CANDIDATES = `query($after: String, $participantId: ID) {
  duplicateCandidates(first: 50, after: $after, participantId: $participantId) {
    totalCount pageInfo { endCursor } edges { node { first { id name } second { id name } matched } }
  }
}`;

interface CandidatePage {
  totalCount: number;
  pageInfo: { endCursor: string };
  edges: { node: { first: { id: string } } }[];
}

async function main(): Promise<void> {
  console.error(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  const { app, url, token, dataSource } = await startService('tsunagu_bench_pool');
  try {
    await load(dataSource, pool(PEOPLE));
    const graphql = async <T>(query: string, variables: object = {}): Promise<T> => {
      const result = await post(url, query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    };
    const csv = async (path: string): Promise<string> => {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.text();
    };
    const firstPage = (await graphql<{ duplicateCandidates: CandidatePage }>(CANDIDATES)).duplicateCandidates;
    const someone = firstPage.edges[0].node.first.id;
    console.log(`${PEOPLE} participants, ${firstPage.totalCount} 名寄せ候補 pairs (median of ${ROUNDS}, ms)`);
    console.log('| what | ms |');
    console.log('|---|---:|');
    const rows: [string, () => Promise<unknown>][] = [
      [
        'participants, a page of 50',
        () => graphql('{ participants(first: 50) { totalCount edges { node { id name } } } }'),
      ],
      ['participants.csv, the whole pool', () => csv('/exports/participants.csv')],
      ['名寄せ候補, a page of 50', () => graphql(CANDIDATES)],
      ['名寄せ候補, the next page', () => graphql(CANDIDATES, { after: firstPage.pageInfo.endCursor })],
      ['名寄せ候補 of one participant', () => graphql(CANDIDATES, { participantId: someone })],
      ['duplicate-candidates.csv, every pair', () => csv('/exports/duplicate-candidates.csv')],
    ];
    for (const [what, run] of rows) console.log(`| ${what} | ${Math.round(await medianMs(run, ROUNDS))} |`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
