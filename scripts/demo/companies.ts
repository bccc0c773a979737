import { corporateNumberCheckDigit } from '../../src/common/japan/corporate-number';
import { BusinessLine, Division, DIVISIONS, LegalForm, NAME_STEMS, NameSuffix } from './industries';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, PersonName, personName } from './names';
import { PLACE_POOLS, shortPlace } from './places';
import { Random } from './random';

export interface DemoCompany {
  name: string;
  corporateNumber: string | null;
  industry: string;
  municipality: string;
  employees: number;
  description: string;
  /** The label of the company's (example.jp) mail domain. */
  domain: string;
  founded: number;
  division: Division | null;
  line: BusinessLine | null;
  form: LegalForm;
  /** The representative, generated with the company because some names carry the family name. */
  owner: PersonName;
}

/** 法人番号 from 12 random digits and their check digit: valid, unique, and not any real body's. */
export class CorporateNumbers {
  private readonly used = new Set<string>(['3013105001132']);

  constructor(private readonly random: Random) {}

  next(): string {
    for (;;) {
      const base = this.random.digits(12);
      const number = `${corporateNumberCheckDigit(base)}${base}`;
      if (!this.used.has(number)) {
        this.used.add(number);
        return number;
      }
    }
  }
}

export class Domains {
  private readonly used = new Set<string>();

  claim(label: string): string {
    let candidate = label;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${label}${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

export function randomPerson(random: Random, femaleShare: number): PersonName {
  const given = random.chance(femaleShare) ? random.pick(FEMALE_GIVEN_NAMES) : random.pick(MALE_GIVEN_NAMES);
  return personName(random.pick(FAMILY_NAMES), given);
}

function legalName(form: LegalForm, core: string, random: Random): string {
  switch (form) {
    case 'kabushiki':
      // 前株 and 後株 are both common.
      return random.chance(0.6) ? `株式会社${core}` : `${core}株式会社`;
    case 'yugen':
      return `有限会社${core}`;
    case 'godo':
      return `合同会社${core}`;
    case 'zeirishi':
      return `税理士法人${core}`;
    case 'iryo':
      return `医療法人社団${core}`;
    case 'fukushi':
      return `社会福祉法人${core}`;
    case 'kumiai':
    case 'sole':
      return core;
  }
}

function employeesFor(division: Division, suffix: NameSuffix, random: Random): number {
  if (suffix.form === 'sole') return random.int(1, 6);
  const [min, max] = division.employees;
  // Most SMEs are small: skew towards the bottom of the range.
  return Math.round(min + (max - min) * random.next() ** 2.2);
}

function describe(
  company: Omit<DemoCompany, 'description' | 'owner'>,
  division: Division,
  random: Random,
): string {
  const era = company.founded >= 2019 ? `令和${company.founded - 2018}年` : `${company.founded}年`;
  const place = shortPlace(company.municipality);
  const size = company.employees === 1 ? '代表者1名' : `従業員${company.employees}名`;
  const remark = random.pick(division.remarks).replace('{place}', place);
  return `${era}創業。${place}で${company.line?.specialty ?? ''}を営む（${size}）。${remark}`;
}

/** About 300 small businesses across the JSIC divisions, deterministic for the seed. */
export function generateCompanies(
  random: Random,
  numbers: CorporateNumbers,
  domains: Domains,
): DemoCompany[] {
  const companies: DemoCompany[] = [];
  const names = new Set<string>();
  for (const division of DIVISIONS) {
    for (let index = 0; index < division.count; index++) {
      const line = random.pick(division.lines);
      const owner = randomPerson(random, 0.18);
      let name = '';
      let suffix: NameSuffix = line.suffixes[0];
      let stem: readonly [string, string] = ['', ''];
      // Retry until the name is new: two demo companies never share a name.
      for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
        suffix = random.pick(line.suffixes);
        stem = suffix.family ? [owner.family.kanji, owner.family.romaji] : random.pick(NAME_STEMS);
        name = legalName(suffix.form, `${stem[0]}${suffix.text}`, random);
      }
      names.add(name);
      const municipality = random.weighted(PLACE_POOLS[division.places]);
      const founded =
        suffix.form === 'sole' || division.code === 'G' || division.code === 'T'
          ? random.int(2004, 2024)
          : random.weighted([
              [random.int(1946, 1975), 5],
              [random.int(1976, 2005), 3],
              // No 有限会社 has been founded since the Companies Act of 2006.
              [suffix.form === 'yugen' ? random.int(1990, 2005) : random.int(2006, 2024), 2],
            ]);
      const base = {
        name,
        corporateNumber: suffix.form === 'sole' ? null : numbers.next(),
        industry: division.code,
        municipality,
        employees: employeesFor(division, suffix, random),
        domain: domains.claim(`${stem[1]}-${suffix.romaji}`),
        founded,
        division,
        line,
        form: suffix.form,
      };
      companies.push({ ...base, owner, description: describe(base, division, random) });
    }
  }
  return companies;
}

interface FixedCompany {
  name: string;
  industry: string;
  municipality: string;
  employees: number;
  description: string;
  domain: string;
  founded: number;
}

/** Large companies that come to the matching fair as buyers (大手・中堅企業とのマッチング). */
export const LARGE_COMPANIES: readonly FixedCompany[] = [
  {
    name: '大和テクノシステムズ株式会社',
    industry: 'E',
    municipality: '東京都品川区',
    employees: 2300,
    description: '産業用ロボットと制御機器のメーカー。国内外に8工場を持つ。',
    domain: 'yamato-techno',
    founded: 1962,
  },
  {
    name: '株式会社ミナトエンジニアリング',
    industry: 'E',
    municipality: '東京都港区',
    employees: 1800,
    description: '計測機器・半導体検査装置の開発製造。',
    domain: 'minato-eng',
    founded: 1971,
  },
  {
    name: '東京メディカルデバイス株式会社',
    industry: 'E',
    municipality: '東京都文京区',
    employees: 1200,
    description: '手術器具と内視鏡関連機器の製造販売。',
    domain: 'tokyo-md',
    founded: 1958,
  },
  {
    name: '東都重工業株式会社',
    industry: 'E',
    municipality: '東京都大田区',
    employees: 5200,
    description: '鉄道車両部品と産業機械の製造。',
    domain: 'toto-heavy',
    founded: 1937,
  },
  {
    name: '株式会社さくら百貨店',
    industry: 'I',
    municipality: '東京都中央区',
    employees: 3500,
    description: '都内に4店舗を構える百貨店。東京の地域産品フェアを毎年開催。',
    domain: 'sakura-dept',
    founded: 1925,
  },
  {
    name: '首都圏ホームセンター株式会社',
    industry: 'I',
    municipality: '東京都江東区',
    employees: 4100,
    description: '首都圏に62店舗を展開するホームセンター。',
    domain: 'shutoken-hc',
    founded: 1978,
  },
  {
    name: '日本ホテルズ&リゾーツ株式会社',
    industry: 'M',
    municipality: '東京都千代田区',
    employees: 2600,
    description: '都市型ホテルとリゾートホテル23施設を運営。',
    domain: 'nh-resorts',
    founded: 1969,
  },
  {
    name: '株式会社グリーンライフ・ケア',
    industry: 'P',
    municipality: '東京都新宿区',
    employees: 1500,
    description: '首都圏で介護付き有料老人ホームとデイサービス120拠点を運営。',
    domain: 'greenlife-care',
    founded: 1999,
  },
];

export const CREDIT_UNIONS: readonly FixedCompany[] = [
  {
    name: '多摩かわせみ信用金庫',
    industry: 'J',
    municipality: '東京都立川市',
    employees: 950,
    description: '多摩地域を地盤とする信用金庫。毎年「ビジネスマッチング大会」を主催。',
    domain: 'kawasemi-shinkin',
    founded: 1933,
  },
  {
    name: '城東みらい信用組合',
    industry: 'J',
    municipality: '東京都葛飾区',
    employees: 220,
    description: '葛飾区・江戸川区を営業地域とする信用組合。若手経営者の会の事務局を務める。',
    domain: 'joto-mirai',
    founded: 1951,
  },
];

export function fixedCompany(
  fixed: FixedCompany,
  numbers: CorporateNumbers,
  domains: Domains,
  owner: PersonName,
): DemoCompany {
  return {
    ...fixed,
    corporateNumber: numbers.next(),
    domain: domains.claim(fixed.domain),
    division: null,
    line: null,
    form: 'kabushiki',
    owner,
  };
}
