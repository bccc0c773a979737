import { Locale, ParticipantKind } from '../../src/participants/participant-kind';
import {
  CorporateNumbers,
  CREDIT_UNIONS,
  DemoCompany,
  Domains,
  fixedCompany,
  generateCompanies,
  LARGE_COMPANIES,
  randomPerson,
} from './companies';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NamePart, PersonName, personName } from './names';
import { Random } from './random';

export interface DemoPerson {
  email: string;
  name: string;
  furigana: string;
  title: string;
  kind: ParticipantKind;
  locale: Locale;
  company: DemoCompany | null;
  /** Where a person without a company sits (区役所, 支援機関…): drives which events they attend. */
  municipality: string;
  offers: string[];
  needs: string[];
  themes: string[];
  tags: string[];
  offersText: string;
  needsText: string;
  consentMatchmaking: boolean;
  consentEmail: boolean;
  consentContactSharing: boolean;
}

export interface People {
  companies: DemoCompany[];
  people: DemoPerson[];
}

const SUCCESSOR_TITLES = ['専務取締役', '常務取締役', '後継者・取締役', '取締役 営業部長', '取締役 工場長'];
const FACTORY_MANAGER_TITLES = ['営業部長', '製造部長', '工場長', '技術部 課長', '経営企画室長'];
const MANAGER_TITLES = ['営業部長', '経営企画室長', '総務部長', '事業部長'];
const SUCCESSOR_NEEDS = [
  '父から事業を引き継ぐ準備中です。同じ立場の後継者と悩みを共有したい',
  '先代からの取引先を守りつつ、新しい事業の柱をつくりたい',
  '古参の社員との関係づくりと、株式の承継の進め方を相談したい',
];
const YOUNG_NEEDS = [
  '同世代の経営者と情報交換できる仲間がほしい',
  '創業して間もないので、金融機関や支援機関とのつながりを広げたい',
];

/** The seeds' staff labels: the Katsushika young owners' group, the credit union's club, past salons. */
function tagsFor(kind: ParticipantKind, municipality: string, random: Random): string[] {
  const tags: string[] = [];
  const young = kind === ParticipantKind.YOUNG_ENTREPRENEUR || kind === ParticipantKind.SUCCESSOR;
  if (young && municipality === '東京都葛飾区' && random.chance(0.75)) tags.push('ものコト100');
  if (young && random.chance(0.35)) tags.push('若手経営者の会');
  if (random.chance(0.2)) tags.push('2025サロン参加');
  if (/東京都(青梅市|西多摩郡奥多摩町)/u.test(municipality) && random.chance(0.7))
    tags.push('青梅商工会議所会員');
  return tags;
}

function email(given: NamePart, family: NamePart, domain: string, used: Set<string>): string {
  const local = `${given.romaji}.${family.romaji}`;
  let candidate = `${local}@${domain}.example.jp`;
  for (let n = 2; used.has(candidate); n++) candidate = `${local}${n}@${domain}.example.jp`;
  used.add(candidate);
  return candidate;
}

function consents(random: Random) {
  return {
    consentMatchmaking: random.chance(0.92),
    consentEmail: random.chance(0.95),
    consentContactSharing: random.chance(0.7),
  };
}

function representativeTitle(company: DemoCompany): string {
  const name = company.name;
  if (company.form === 'zeirishi') return '代表社員・税理士';
  if (company.form === 'iryo') return '理事長・院長';
  if (company.form === 'fukushi' || company.form === 'kumiai') return '理事長';
  if (company.form === 'godo') return '代表社員';
  if (name.endsWith('税理士事務所')) return '所長・税理士';
  if (name.endsWith('社会保険労務士事務所')) return '所長・社会保険労務士';
  if (name.endsWith('経営事務所')) return '代表・中小企業診断士';
  if (name.endsWith('建築士事務所')) return '代表・一級建築士';
  if (company.form === 'sole') return /(商店|食堂|写真館)$/u.test(name) ? '店主' : '代表';
  return company.employees >= 50 ? '代表取締役社長' : '代表取締役';
}

function representativeKind(company: DemoCompany, random: Random): ParticipantKind {
  const line = company.line?.specialty ?? '';
  if (line.includes('デザイン')) return ParticipantKind.DESIGNER;
  if (/税務|労務|中小企業診断士/u.test(line)) return ParticipantKind.PROFESSIONAL;
  // Founders of recent companies and some second- or third-generation owners are the young ones.
  if (company.founded >= 2012 || random.chance(0.25)) return ParticipantKind.YOUNG_ENTREPRENEUR;
  return ParticipantKind.SME_OWNER;
}

function themesFor(company: DemoCompany, kind: ParticipantKind, random: Random): string[] {
  const pool = company.division?.themes ?? ['販路開拓', 'DX'];
  const themes = random.sample(pool, random.int(2, 3));
  if (kind === ParticipantKind.SUCCESSOR || kind === ParticipantKind.PROFESSIONAL) themes.unshift('事業承継');
  if (kind === ParticipantKind.YOUNG_ENTREPRENEUR && random.chance(0.4)) themes.push('人材戦略');
  return [...new Set(themes)];
}

function companyPerson(
  company: DemoCompany,
  who: PersonName,
  title: string,
  kind: ParticipantKind,
  random: Random,
  emails: Set<string>,
): DemoPerson {
  const division = company.division;
  const fitting =
    division?.needs.filter((need) => !need.only || need.only.test(company.line?.specialty ?? '')) ?? [];
  const picked = random.sample(fitting, random.int(1, 2));
  const needs = picked.flatMap((need) => need.tags);
  const needTexts = picked.map((need) => need.text);
  if (kind === ParticipantKind.SUCCESSOR) {
    needs.unshift('事業承継');
    needTexts.unshift(random.pick(SUCCESSOR_NEEDS));
  } else if (kind === ParticipantKind.YOUNG_ENTREPRENEUR && random.chance(0.3)) {
    needs.push('経営者仲間');
    needTexts.push(random.pick(YOUNG_NEEDS));
  }
  return {
    email: email(who.given, who.family, company.domain, emails),
    name: who.name,
    furigana: who.furigana,
    title,
    kind,
    locale: Locale.ja,
    company,
    municipality: company.municipality,
    offers: company.line?.offers ?? [],
    needs,
    themes: themesFor(company, kind, random),
    tags: tagsFor(kind, company.municipality, random),
    offersText: company.line?.offersText ?? '',
    needsText: needTexts.map((text) => `${text}。`).join(''),
    ...consents(random),
  };
}

interface Affiliated {
  title: string;
  kind: ParticipantKind;
  municipality: string;
  domain: string;
  offers: string[];
  offersText: string;
  needs: string[];
  needsText: string;
  themes: string[];
}

const gov = (title: string, municipality: string, domain: string): Affiliated => ({
  title,
  kind: ParticipantKind.GOVERNMENT,
  municipality,
  domain,
  offers: ['支援施策', '補助金情報'],
  offersText: '補助金・制度融資のあっせん・専門家派遣などの支援施策をご案内します。',
  needs: ['地域企業の声'],
  needsText: '地域の事業者の課題や要望を伺い、施策に反映したいと考えています。',
  themes: ['事業承継', '生産性向上', '観光振興'],
});

const support = (
  title: string,
  municipality: string,
  domain: string,
  offers: string[],
  text: string,
): Affiliated => ({
  title,
  kind: ParticipantKind.SUPPORT_AGENCY,
  municipality,
  domain,
  offers,
  offersText: text,
  needs: ['支援先の掘り起こし'],
  needsText: '支援を必要としている事業者とつながり、早めに相談していただける関係をつくりたい。',
  themes: ['事業承継', '販路開拓', '創業'],
});

const academic = (
  title: string,
  domain: string,
  offers: string[],
  text: string,
  themes: string[],
): Affiliated => ({
  title,
  kind: ParticipantKind.ACADEMIA,
  municipality: '東京都八王子市',
  domain,
  offers,
  offersText: text,
  needs: ['共同研究先', 'インターン先'],
  needsText: '共同研究に取り組む企業と、学生のインターンシップ先を探しています。',
  themes,
});

/** People who come on behalf of a ward office, a support agency or a university: no company. */
const AFFILIATED: readonly Affiliated[] = [
  gov('葛飾区 産業観光部 商工振興課 係長', '東京都葛飾区', 'city-katsushika'),
  gov('大田区 産業経済部 産業振興課 主任', '東京都大田区', 'city-ota'),
  gov('台東区 文化産業観光部 産業振興課 主事', '東京都台東区', 'city-taito'),
  gov('墨田区 産業観光部 経営支援課 主査', '東京都墨田区', 'city-sumida'),
  gov('川口市 経済部 産業振興課 係長', '埼玉県川口市', 'city-kawaguchi'),
  gov('青梅市 経済スポーツ部 商工観光課 主任', '東京都青梅市', 'city-ome'),
  gov('奥多摩町 観光産業課 主事', '東京都西多摩郡奥多摩町', 'town-okutama'),
  gov('八丈町 産業観光課 主事', '東京都八丈島八丈町', 'town-hachijo'),
  gov('東京都 産業労働局 商工部 主任', '東京都新宿区', 'metro-tokyo'),
  gov('岡谷市 工業振興課 主査', '長野県岡谷市', 'city-okaya'),
  gov('東大阪市 モノづくり支援室 主査', '大阪府東大阪市', 'city-higashiosaka'),
  gov('尼崎市 経済活性対策課 係長', '兵庫県尼崎市', 'city-amagasaki'),
  gov('加賀市 商工振興課 主任', '石川県加賀市', 'city-kaga'),
  support(
    '東京都事業承継・引継ぎ支援センター 相談員',
    '東京都千代田区',
    'shokei-center',
    ['事業承継相談', '後継者マッチング'],
    '親族内承継・従業員承継・第三者承継（M&A）の相談と、後継者人材バンクによるマッチングを行っています。',
  ),
  support(
    '東京商工会議所 ビジネスサポートデスク東京東 経営相談員',
    '東京都墨田区',
    'tcci-bsd-east',
    ['経営相談', '専門家派遣'],
    '経営・資金繰り・承継の相談を無料で承ります。専門家派遣も手配できます。',
  ),
  support(
    '青梅商工会議所 中小企業相談所 経営指導員',
    '東京都青梅市',
    'omecci',
    ['経営分析', '事業計画策定', '展示会出展支援'],
    '経営分析から事業計画の策定、展示会・商談会への出展準備まで伴走します。',
  ),
  support(
    '青梅商工会議所 中小企業相談所 法定経営指導員',
    '東京都青梅市',
    'omecci',
    ['経営分析', 'フォローアップ'],
    '事業計画の実行を4か月に1回程度の巡回で継続的にフォローしています。',
  ),
  support(
    '川口商工会議所 経営支援課 経営指導員',
    '埼玉県川口市',
    'kawaguchi-cci',
    ['経営塾', '販路開拓支援'],
    '後継経営者・若手経営者向けの「経営塾」と、i-mono・i-wazaブランド認定企業の販路開拓を支援しています。',
  ),
  support(
    '加賀商工会議所 中小企業相談所 経営指導員',
    '石川県加賀市',
    'kaga-cci',
    ['事業承継相談', '域外ネットワーク'],
    '事業承継セミナーと個別相談会を開催し、他地域の起業家との承継マッチングを目指しています。',
  ),
  support(
    '公益財団法人大田区産業振興協会 取引振興課 コーディネーター',
    '東京都大田区',
    'pio-ota',
    ['受発注あっせん', '仲間まわし', '展示会出展支援'],
    '区内企業の受発注あっせんと、工程を分担する「仲間まわし」の組成をお手伝いします。',
  ),
  support(
    '中小企業基盤整備機構 関東本部 プロジェクトマネージャー',
    '東京都港区',
    'smrj-kanto',
    ['ハンズオン支援', '販路開拓支援'],
    '専門家による長期のハンズオン支援と、大手企業との商談会の機会を提供しています。',
  ),
  academic(
    '東都工科大学 工学部 機械工学科 教授',
    'toto-tech-u',
    ['共同研究', '技術相談', '精密加工'],
    '精密加工と計測の共同研究。試作品の評価や技術相談にも応じます。',
    ['IoT', '医療機器', '生産性向上'],
  ),
  academic(
    '武蔵野産業大学 経営学部 准教授',
    'musashino-sangyo-u',
    ['事業承継研究', '経営講座'],
    'ファミリービジネスと事業承継を研究しています。後継者向け講座の講師も務めます。',
    ['事業承継', '人材戦略'],
  ),
  academic(
    '城北医療技術大学 医療福祉工学科 准教授',
    'johoku-med-u',
    ['医療機器開発', '臨床ニーズ'],
    '医療・介護現場のニーズと町工場の技術をつなぐ医工連携に取り組んでいます。',
    ['医療機器', 'IoT'],
  ),
];

const FINANCE_TITLES = [
  '地域創生部 部長',
  '青梅支店 支店長',
  '融資部 調査役',
  '地域創生部 ビジネスマッチング担当',
];
const CREDIT_COOP_TITLES = ['亀有支店 支店長', '営業推進部 課長'];
const LARGE_TITLES = [
  '調達本部 購買部 部長',
  '技術開発本部 主任研究員',
  '調達部 課長',
  '資材部 部長',
  '商品本部 バイヤー',
  '商品部 バイヤー',
  '購買部 マネージャー',
  '事業開発部 部長',
];
const LARGE_NEEDS: readonly [string[], string][] = [
  [
    ['新規サプライヤー', '精密部品'],
    '精密部品の新規サプライヤーを探しています。小ロット・短納期の試作に対応できる企業を歓迎します',
  ],
  [['試作パートナー', 'IoT機器'], '新製品の試作とIoT機器の少量生産を任せられるパートナーを探しています'],
  [['医療機器', '切削加工'], '医療機器部品の切削加工と表面処理を一貫して任せられる企業を探しています'],
  [['新規サプライヤー', '鋳造'], '鉄道車両部品の鋳物・板金の調達先を多様化したい'],
  [['地域産品', '東京土産'], '東京の地域産品・町工場の技が光る商品を、物産展やギフトで扱いたい'],
  [['自社製品', '防災用品'], '中小メーカーの自社製品、とくに防災・アウトドア用品を探しています'],
  [['地元食材', 'アメニティ'], 'ホテルで使う地元食材とオリジナルアメニティの仕入れ先を探しています'],
  [['介護機器', 'ICT導入'], '介護現場の負担を減らす機器やサービスを、施設で試験導入したい'],
];

/** Everyone in the demo pool: owners, successors, managers, buyers, bankers, officials, professors. */
export function generatePeople(seed: string): People {
  const random = new Random(`${seed}/people`);
  const numbers = new CorporateNumbers(new Random(`${seed}/corporate-numbers`));
  const domains = new Domains();
  const emails = new Set<string>();
  const companies = generateCompanies(new Random(`${seed}/companies`), numbers, domains);
  const people: DemoPerson[] = [];

  for (const company of companies) {
    const kind = representativeKind(company, random);
    people.push(companyPerson(company, company.owner, representativeTitle(company), kind, random, emails));
    const corporate = company.form !== 'sole' && company.division !== null;
    if (corporate && kind === ParticipantKind.SME_OWNER && random.chance(0.3)) {
      // The 後継者 is usually family: same surname, a generation younger.
      const given = random.chance(0.3) ? random.pick(FEMALE_GIVEN_NAMES) : random.pick(MALE_GIVEN_NAMES);
      const successor = personName(company.owner.family, given);
      const title = random.pick(SUCCESSOR_TITLES);
      people.push(companyPerson(company, successor, title, ParticipantKind.SUCCESSOR, random, emails));
    } else if (corporate && company.employees >= 30 && random.chance(0.4)) {
      const manager = randomPerson(random, 0.3);
      const title = random.pick(company.industry === 'E' ? FACTORY_MANAGER_TITLES : MANAGER_TITLES);
      people.push(companyPerson(company, manager, title, ParticipantKind.OTHER, random, emails));
    }
  }

  LARGE_COMPANIES.forEach((fixed, index) => {
    const buyer = randomPerson(random, 0.25);
    const company = fixedCompany(fixed, numbers, domains, buyer);
    companies.push(company);
    const [needs, needsText] = LARGE_NEEDS[index];
    people.push({
      ...companyPerson(company, buyer, LARGE_TITLES[index], ParticipantKind.LARGE_COMPANY, random, emails),
      offers: ['大手との取引', '共同開発'],
      offersText: '中小企業の皆さまとの共同開発・継続取引の機会を提供できます。',
      needs,
      needsText: `${needsText}。`,
      themes: ['販路開拓', '生産性向上'],
      consentMatchmaking: true,
    });
  });

  CREDIT_UNIONS.forEach((fixed, index) => {
    const titles = index === 0 ? FINANCE_TITLES : CREDIT_COOP_TITLES;
    titles.forEach((title, position) => {
      const banker = randomPerson(random, 0.3);
      const company =
        position === 0 ? fixedCompany(fixed, numbers, domains, banker) : companies[companies.length - 1];
      if (position === 0) companies.push(company);
      people.push({
        ...companyPerson(company, banker, title, ParticipantKind.FINANCIAL_INSTITUTION, random, emails),
        offers: ['融資', 'ビジネスマッチング', '事業承継支援'],
        offersText:
          '創業・設備資金の融資と、取引先ネットワークを活かしたビジネスマッチングを提供しています。',
        needs: ['取引先紹介'],
        needsText: '資金需要や承継の悩みを抱える事業者と早めにつながりたい。',
        themes: ['事業承継', '販路開拓', '創業'],
      });
    });
  });

  for (const affiliated of AFFILIATED) {
    const who = randomPerson(random, 0.35);
    people.push({
      email: email(who.given, who.family, affiliated.domain, emails),
      name: who.name,
      furigana: who.furigana,
      title: affiliated.title,
      kind: affiliated.kind,
      locale: Locale.ja,
      company: null,
      municipality: affiliated.municipality,
      offers: affiliated.offers,
      needs: affiliated.needs,
      themes: affiliated.themes,
      tags: [],
      offersText: affiliated.offersText,
      needsText: affiliated.needsText,
      consentMatchmaking: true,
      consentEmail: true,
      consentContactSharing: true,
    });
  }

  // Two English-speaking participants, so the en locale has someone to show.
  const digital = companies.filter((company) => company.industry === 'G');
  const foreigners: readonly [string, string, string, string, string][] = [
    ['Daniel Carter', 'カーター ダニエル', 'daniel.carter', '共同創業者・CTO', 'IoT'],
    ['Priya Raman', 'ラマン プリヤ', 'priya.raman', '海外事業部長', '海外展開'],
  ];
  foreigners.forEach(([name, furigana, local, title, theme], index) => {
    const company = digital[index * 3];
    const address = `${local}@${company.domain}.example.jp`;
    emails.add(address);
    people.push({
      email: address,
      name,
      furigana,
      title,
      kind: index === 0 ? ParticipantKind.YOUNG_ENTREPRENEUR : ParticipantKind.OTHER,
      locale: Locale.en,
      company,
      municipality: company.municipality,
      offers: company.line?.offers ?? [],
      needs: ['海外展開', '英語対応'],
      themes: [theme, 'DX'],
      tags: [],
      offersText: company.line?.offersText ?? '',
      needsText:
        'Looking for manufacturers who want to reach customers overseas; happy to help with English.',
      consentMatchmaking: true,
      consentEmail: true,
      consentContactSharing: true,
    });
  });

  people.push(...twiceInThePool(people, new Random(`${seed}/twice`), emails));
  return { companies, people };
}

/** How a name came out when someone typed it into another list: the common kanji, or a wide space. */
const RETYPED: [variant: string, common: string][] = [
  ['髙', '高'],
  ['﨑', '崎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['澤', '沢'],
  ['齋', '斎'],
];

/**
 * 名寄せ候補 to find: a few owners who also signed a salon's sheet with a personal address and
 * without their company, their name typed as it came (高 for 髙, a full-width space), as happens
 * when two organisations' lists meet in one pool.
 */
function twiceInThePool(people: DemoPerson[], random: Random, emails: Set<string>): DemoPerson[] {
  const owners = people.filter((person) => person.company && person.kind === ParticipantKind.SME_OWNER);
  const variant = owners.filter((person) => RETYPED.some(([variant]) => person.name.includes(variant)));
  const chosen = [
    ...variant.slice(0, 2),
    ...random.sample(
      owners.filter((person) => !variant.includes(person)),
      2,
    ),
  ];
  return chosen.map((person) => {
    const retyped = RETYPED.reduce(
      (name, [variant, common]) => name.replaceAll(variant, common),
      person.name,
    );
    const local = person.email.split('@')[0];
    let address = `${local}@mail.example.jp`;
    for (let n = 2; emails.has(address); n++) address = `${local}${n}@mail.example.jp`;
    emails.add(address);
    return {
      ...person,
      email: address,
      name: retyped === person.name ? person.name.replace(' ', '　') : retyped,
      title: '代表',
      company: null,
      tags: ['2025サロン参加'],
      needs: [],
      needsText: '',
    };
  });
}
