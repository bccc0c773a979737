import { EventKind, EventStatus, EventVisibility, SessionMode } from '../../src/events/event-enums';
import { OrgKey } from './organizations';

/**
 * FY2026 (令和8年度) as the demo tells it. Dates are fixed, not relative to the day the seed
 * runs: the story is set in late November 2026, so what happened before then is CLOSED with its
 * attendance recorded, what comes after is PUBLISHED, and the last salon is still a DRAFT.
 */
/**
 * The day the story stands on: applications, 面談申込 and their answers, closed deals and
 * follow-ups done are up to it, never after.
 */
export const STORY_DAY = '2026-11-20';
/** STORY_DAY's close of business in Tokyo, epoch ms. */
export const STORY_DAY_END_MS = Date.parse(`${STORY_DAY}T18:00:00+09:00`);

export type AudiencePlan =
  | { type: 'salon'; applicants: number; invited?: number; speakers: Speaker[]; focus: Focus }
  | { type: 'miniSalon'; applicants: number; speakers: Speaker[] }
  | { type: 'tradeFair'; exhibitors: number; visitors: number }
  | { type: 'matching'; buyers: number; sellers: number; waitlisted: number; invited: number }
  | { type: 'none' };

/** Who the event draws, beyond the usual owners and successors. */
export interface Focus {
  themes: string[];
  municipalities?: string[];
  industries?: string[];
}

/** Picks a speaker by title or company specialty (a word in either). */
export type Speaker = { match: string };

export interface DemoSession {
  name: string;
  startsAt: string;
  slotMinutes: number;
  slotCount: number;
  mode: SessionMode;
  tableCount: number | null;
}

export interface DemoEvent {
  key: string;
  organizer: OrgKey;
  coHosts: OrgKey[];
  kind: EventKind;
  /** With the organiser, the upsert key: keep titles stable between runs. */
  title: string;
  /** What the English-speaking participants read; most events have none. */
  titleEn?: string;
  description: string;
  themes: string[];
  venue: string;
  /** The venue as the English-speaking participants read it; given with an English title. */
  venueEn?: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  visibility: EventVisibility;
  status: EventStatus;
  sessions: DemoSession[];
  audience: AudiencePlan;
}

const salonDescription = (theme: string, body: string) =>
  `東京都内で活動する次世代の中小企業家（若手経営者等）、地方公共団体、政府関係機関、支援機関が集う異業種交流のプラットフォーム「東京活性化サロン」。今回のテーマは「${theme}」。${body}講演の後、参加者どうしの意見交換と懇親会で「名前で呼び合える関係」をつくります。`;

const TOKYO_EAST = [
  '東京都台東区',
  '東京都墨田区',
  '東京都荒川区',
  '東京都文京区',
  '東京都中央区',
  '東京都江東区',
];
const WEST_TAMA_AND_ISLANDS = [
  '東京都青梅市',
  '東京都西多摩郡奥多摩町',
  '東京都あきる野市',
  '東京都西多摩郡日の出町',
  '東京都西多摩郡檜原村',
  '東京都羽村市',
  '東京都福生市',
  '東京都八丈島八丈町',
  '東京都大島町',
  '東京都新島村',
  '東京都三宅島三宅村',
];

export const EVENTS: readonly DemoEvent[] = [
  {
    key: 'salon-1',
    organizer: 'financeOffice',
    coHosts: [],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第1回「生産性向上」',
    description: salonDescription(
      '生産性向上',
      '町工場の現場改善とデジタル化の事例を、大学の研究者と導入企業の経営者からうかがいます。',
    ),
    themes: ['生産性向上', 'DX'],
    venue: '東京財務事務所 会議室',
    startsAt: '2026-05-27T18:00:00+09:00',
    endsAt: '2026-05-27T20:30:00+09:00',
    capacity: 60,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 58,
      speakers: [{ match: '東都工科大学' }],
      focus: { themes: ['生産性向上', 'DX', 'IoT'] },
    },
  },
  {
    key: 'salon-2',
    organizer: 'financeOffice',
    coHosts: [],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第2回「IoT」',
    titleEn: 'Tokyo Revitalisation Salon No. 2: IoT',
    description: salonDescription(
      'IoT',
      '大田区の「仲間まわし」をIoTでつなぐ取組と、後付けセンサーで古い設備を見える化した事例を紹介します。',
    ),
    themes: ['IoT', '生産性向上'],
    venue: '東京財務事務所 会議室',
    venueEn: 'Tokyo Finance Office (Kanto Local Finance Bureau), meeting room',
    startsAt: '2026-07-15T18:00:00+09:00',
    endsAt: '2026-07-15T20:30:00+09:00',
    capacity: 60,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 57,
      speakers: [{ match: 'IoT機器とデータ活用' }, { match: '大田区産業振興協会' }],
      focus: { themes: ['IoT', 'DX'], industries: ['E', 'G'] },
    },
  },
  {
    key: 'salon-3',
    organizer: 'financeOffice',
    coHosts: [],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第3回「人材戦略」',
    description: salonDescription(
      '人材戦略',
      '採用難の時代に若手技能者を確保し育てる方法を、社会保険労務士と人材育成に取り組む経営者が語ります。',
    ),
    themes: ['人材戦略', '人材確保'],
    venue: '東京財務事務所 会議室',
    startsAt: '2026-09-09T18:00:00+09:00',
    endsAt: '2026-09-09T20:30:00+09:00',
    capacity: 60,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 61,
      speakers: [{ match: '社会保険労務士' }],
      focus: { themes: ['人材戦略', '人材確保'] },
    },
  },
  {
    key: 'salon-4',
    organizer: 'financeOffice',
    coHosts: [],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第4回「観光振興」',
    description: salonDescription(
      '観光振興',
      '産業観光とインバウンドの受け入れを、旅館の経営者と旅行会社がそれぞれの立場から話します。',
    ),
    themes: ['観光振興', 'インバウンド'],
    venue: '東京財務事務所 会議室',
    startsAt: '2026-10-21T18:00:00+09:00',
    endsAt: '2026-10-21T20:30:00+09:00',
    capacity: 50,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 52,
      speakers: [{ match: '旅館・ホテル' }, { match: '旅行の企画' }],
      focus: { themes: ['観光振興', 'インバウンド'], industries: ['M', 'N', 'I'] },
    },
  },
  {
    key: 'salon-5',
    organizer: 'financeOffice',
    coHosts: ['omeCci'],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第5回「島しょ・西多摩活性化」',
    description: salonDescription(
      '島しょ・西多摩活性化',
      '青梅商工会議所との共催で、青梅・奥多摩と島しょ地域の観光・農林水産業の担い手と、都心の事業者をつなぎます。',
    ),
    themes: ['島しょ・西多摩活性化', '観光振興', '地域産品'],
    venue: '青梅商工会議所 会議室（東京都青梅市上町）',
    startsAt: '2026-12-16T15:00:00+09:00',
    endsAt: '2026-12-16T18:00:00+09:00',
    capacity: 50,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.PUBLISHED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 56,
      invited: 12,
      speakers: [{ match: '青梅商工会議所 中小企業相談所 経営指導員' }, { match: '奥多摩町' }],
      focus: {
        themes: ['島しょ・西多摩活性化', '観光振興'],
        municipalities: WEST_TAMA_AND_ISLANDS,
        industries: ['A', 'B', 'M'],
      },
    },
  },
  {
    key: 'salon-6',
    organizer: 'financeOffice',
    coHosts: [],
    kind: EventKind.SALON,
    title: '東京活性化サロン 第6回「税制」',
    description: salonDescription(
      '税制',
      '令和9年度税制改正の要点と、事業承継税制（特例承継計画）の活用について税理士が解説します。',
    ),
    themes: ['税制', '事業承継'],
    venue: '東京財務事務所 会議室',
    startsAt: '2027-02-17T18:00:00+09:00',
    endsAt: '2027-02-17T20:30:00+09:00',
    capacity: 60,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.DRAFT,
    sessions: [],
    audience: { type: 'none' },
  },
  {
    key: 'mini-katsushika',
    organizer: 'financeOffice',
    coHosts: ['monokoto'],
    kind: EventKind.MINI_SALON,
    title: '東京活性化“ミニ”サロン in 葛飾『事業承継』',
    description:
      '地域の若手経営者団体「ものコト100」の要望を受けて開く出張ミニサロン。事業承継についてのお話の後、メンバーが抱える承継の悩みに税理士や支援機関の専門家が答えます。最後は懇親会で交流を深めます。',
    themes: ['事業承継', '税制'],
    venue: '葛飾区 テクノプラザかつしか 会議室',
    startsAt: '2026-11-10T18:30:00+09:00',
    endsAt: '2026-11-10T21:00:00+09:00',
    capacity: 30,
    visibility: EventVisibility.INVITE_ONLY,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'miniSalon',
      applicants: 31,
      speakers: [{ match: '税理士' }, { match: '事業承継・引継ぎ支援センター' }],
    },
  },
  {
    key: 'taito-exchange',
    organizer: 'tcciTaito',
    coHosts: ['taitoCity'],
    kind: EventKind.SALON,
    title: '台東支部 異業種交流会 2026',
    description:
      '業種を超えた事業者間の多層的な連携を深め、受注機会の拡大につなげる異業種交流会。1分間の自社PRと名刺交換の後、専門コーディネーターが商談につながりそうな組み合わせをご紹介します。',
    themes: ['販路開拓', 'デザイン連携'],
    venue: '台東区民会館 9階 特別会議室',
    startsAt: '2026-06-17T18:00:00+09:00',
    endsAt: '2026-06-17T20:30:00+09:00',
    capacity: 80,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 78,
      speakers: [],
      focus: { themes: ['販路開拓', 'デザイン連携'], municipalities: TOKYO_EAST },
    },
  },
  {
    key: 'trade-fair',
    organizer: 'otaCity',
    coHosts: ['council', 'kawaguchiCity'],
    kind: EventKind.TRADE_FAIR,
    title: '中小企業都市 工業交流展2026 in 大田',
    titleEn: 'SME Cities Industrial Exchange Fair 2026 in Ota',
    description:
      '中小企業都市連絡協議会の7都市（川口・墨田・大田・岡谷・加賀・東大阪・尼崎）のものづくり企業150社が一堂に会する2日間の工業交流展。出展者ブースでの事前予約制商談も行います。',
    themes: ['販路開拓', '技能承継', '医療機器', 'IoT'],
    venue: '大田区産業プラザPiO 大展示ホール',
    venueEn: 'Ota City Industrial Plaza PiO, Large Exhibition Hall (Kamata, Ota City)',
    startsAt: '2026-10-08T10:00:00+09:00',
    endsAt: '2026-10-09T17:00:00+09:00',
    capacity: null,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [
      {
        name: '出展者ブース商談（1日目午後）',
        startsAt: '2026-10-08T13:00:00+09:00',
        slotMinutes: 30,
        slotCount: 6,
        mode: SessionMode.BOOTHS,
        tableCount: null,
      },
      {
        name: '出展者ブース商談（2日目午前）',
        startsAt: '2026-10-09T10:00:00+09:00',
        slotMinutes: 30,
        slotCount: 4,
        mode: SessionMode.BOOTHS,
        tableCount: null,
      },
    ],
    audience: { type: 'tradeFair', exhibitors: 150, visitors: 120 },
  },
  {
    key: 'credit-union-matching',
    organizer: 'creditUnion',
    coHosts: ['omeCci'],
    kind: EventKind.BUSINESS_MATCHING,
    title: '2026年度 かわせみビジネスマッチング大会',
    description:
      '多摩かわせみ信用金庫のお取引先を中心に約100社が参加する個別商談会。大手・中堅企業のバイヤーと中小企業のサプライヤーが、事前にマッチングした相手と20分ずつ面談します。',
    themes: ['販路開拓', '事業承継'],
    venue: '多摩かわせみ信用金庫 本店 大ホール（東京都立川市）',
    startsAt: '2027-01-27T10:00:00+09:00',
    endsAt: '2027-01-27T17:00:00+09:00',
    capacity: 100,
    visibility: EventVisibility.INVITE_ONLY,
    status: EventStatus.PUBLISHED,
    sessions: [
      {
        name: '午前の部',
        startsAt: '2027-01-27T10:00:00+09:00',
        slotMinutes: 20,
        slotCount: 8,
        mode: SessionMode.TABLES,
        tableCount: 30,
      },
      {
        name: '午後の部',
        startsAt: '2027-01-27T13:30:00+09:00',
        slotMinutes: 20,
        slotCount: 8,
        mode: SessionMode.TABLES,
        tableCount: 30,
      },
    ],
    audience: { type: 'matching', buyers: 35, sellers: 65, waitlisted: 4, invited: 6 },
  },
  {
    key: 'ome-seminar',
    organizer: 'omeCci',
    coHosts: [],
    kind: EventKind.SEMINAR,
    title: '経営分析・事業計画策定セミナー',
    description:
      '経営発達支援計画に基づくセミナー。自社の強み・弱みを整理する経営分析の方法と、需要を見据えた事業計画のつくり方を学びます。受講後は経営指導員が計画策定と実行のフォローアップを行います。',
    themes: ['事業計画', '生産性向上'],
    venue: '青梅商工会議所 会議室（東京都青梅市上町）',
    startsAt: '2026-12-03T14:00:00+09:00',
    endsAt: '2026-12-03T16:30:00+09:00',
    capacity: 20,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.PUBLISHED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 17,
      speakers: [{ match: '青梅商工会議所 中小企業相談所 法定経営指導員' }],
      focus: { themes: ['生産性向上'], municipalities: WEST_TAMA_AND_ISLANDS },
    },
  },
  {
    key: 'kawaguchi-seminar',
    organizer: 'kawaguchiCity',
    coHosts: [],
    kind: EventKind.SEMINAR,
    title: '事業承継セミナー 〜後継経営者と考える承継の準備〜',
    description:
      '事業承継の体験談と、承継計画の立て方・使える補助金や税制の説明。後継経営者・若手経営者のための「経営塾」のご案内もあります。',
    themes: ['事業承継', '税制'],
    venue: '川口総合文化センター・リリア 会議室',
    startsAt: '2026-08-05T14:00:00+09:00',
    endsAt: '2026-08-05T16:30:00+09:00',
    capacity: 40,
    visibility: EventVisibility.PUBLIC,
    status: EventStatus.CLOSED,
    sessions: [],
    audience: {
      type: 'salon',
      applicants: 38,
      speakers: [{ match: '武蔵野産業大学' }, { match: '川口商工会議所' }],
      focus: { themes: ['事業承継'], municipalities: ['埼玉県川口市'] },
    },
  },
];
