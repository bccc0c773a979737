import { Role } from '../../src/auth/actor';
import { OrganizationKind } from '../../src/organizations/organization-kind';
import { ReportMetric } from '../../src/reports/targets/report-metric';

/** The shared password of every demo staff account, printed by the seed: demo data only. */
export const DEMO_PASSWORD = 'tsunagu-demo-2026';

/** The year the demo's targets are for: the year its events are in (令和8年度). */
export const TARGETS_FISCAL_YEAR = 2026;

export type OrgKey =
  | 'financeOffice'
  | 'monokoto'
  | 'tcciTaito'
  | 'taitoCity'
  | 'otaCity'
  | 'kawaguchiCity'
  | 'council'
  | 'creditUnion'
  | 'omeCci';

export interface DemoOrganization {
  key: OrgKey;
  name: string;
  /** For the English-speaking participants, where the body has a name in English. */
  nameEn?: string;
  kind: OrganizationKind;
  municipality: string;
  /** Only where the real number is public in the seeds (青梅商工会議所) or the body is fictional. */
  corporateNumber: string | null | 'credit-union';
  /**
   * The footer and Reply-To of the body's event emails. Addresses only where the seeds print them
   * (青梅商工会議所); the mailboxes are the demo's own.
   */
  contact: { email: string; address: string | null };
  /** 令和8年度の目標, as a body would take them from its plan (青梅: フォローアップ延べ144回). */
  targets?: Partial<Record<ReportMetric, number>>;
}

/** Names are the upsert key: the seed finds last run's organisation by its exact name. */
export const ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    key: 'financeOffice',
    name: '関東財務局 東京財務事務所',
    nameEn: 'Kanto Local Finance Bureau, Tokyo Finance Office',
    kind: OrganizationKind.FINANCE_OFFICE,
    municipality: '東京都千代田区',
    corporateNumber: null,
    contact: { email: 'salon@tokyo-zaimu.example.jp', address: null },

    targets: {
      [ReportMetric.EVENTS]: 8,
      [ReportMetric.PARTICIPANTS]: 250,
      [ReportMetric.COMPANIES]: 200,
      [ReportMetric.NEW_COMPANIES]: 100,
      [ReportMetric.ATTENDED]: 220,
    },
  },
  {
    key: 'monokoto',
    name: 'ものコト100',
    kind: OrganizationKind.BUSINESS_GROUP,
    municipality: '東京都葛飾区',
    corporateNumber: null,
    contact: { email: 'info@monokoto100.example.jp', address: null },
  },
  {
    key: 'tcciTaito',
    name: '東京商工会議所 台東支部',
    kind: OrganizationKind.CHAMBER_OF_COMMERCE,
    municipality: '東京都台東区',
    corporateNumber: null,
    contact: { email: 'taito@tcci-taito.example.jp', address: null },
  },
  {
    key: 'taitoCity',
    name: '台東区 産業振興課',
    kind: OrganizationKind.MUNICIPALITY,
    municipality: '東京都台東区',
    corporateNumber: null,
    contact: { email: 'sangyo@city-taito.example.jp', address: null },
  },
  {
    key: 'otaCity',
    name: '大田区 産業振興課',
    nameEn: 'Ota City Industrial Promotion Section',
    kind: OrganizationKind.MUNICIPALITY,
    municipality: '東京都大田区',
    corporateNumber: null,
    contact: { email: 'sangyo@city-ota.example.jp', address: null },
  },
  {
    key: 'kawaguchiCity',
    name: '川口市 産業振興課',
    kind: OrganizationKind.MUNICIPALITY,
    municipality: '埼玉県川口市',
    corporateNumber: null,
    contact: { email: 'sangyo@city-kawaguchi.example.jp', address: null },
  },
  {
    key: 'council',
    name: '中小企業都市連絡協議会',
    kind: OrganizationKind.OTHER,
    municipality: '兵庫県尼崎市',
    corporateNumber: null,
    contact: { email: 'jimukyoku@smec-council.example.jp', address: null },
  },
  {
    key: 'creditUnion',
    name: '多摩かわせみ信用金庫',
    kind: OrganizationKind.FINANCIAL_INSTITUTION,
    municipality: '東京都立川市',
    // The same legal entity as the participants' company of that name: one 法人番号.
    corporateNumber: 'credit-union',
    contact: { email: 'matching@kawasemi-shinkin.example.jp', address: null },

    targets: {
      [ReportMetric.MEETINGS_HELD]: 150,
      [ReportMetric.DEALS_RECORDED]: 40,
      [ReportMetric.DEALS_WON]: 15,
    },
  },
  {
    key: 'omeCci',
    name: '青梅商工会議所',
    kind: OrganizationKind.CHAMBER_OF_COMMERCE,
    municipality: '東京都青梅市',
    corporateNumber: '3013105001132',
    contact: { email: 'soudan@omecci.example.jp', address: '〒198-8585 東京都青梅市上町373番地の1' },

    targets: { [ReportMetric.EVENTS]: 3, [ReportMetric.COMPANIES]: 40, [ReportMetric.FOLLOW_UPS_DONE]: 144 },
  },
];

export interface DemoStaff {
  email: string;
  name: string;
  role: Role.ADMIN | Role.ORGANIZER | Role.STAFF;
  organization: OrgKey | null;
}

const staff = (
  email: string,
  name: string,
  role: Role.ORGANIZER | Role.STAFF,
  organization: OrgKey,
): DemoStaff => ({ email, name, role, organization });

/** One organizer per body (co-hosts included) and a 支援担当 for those that run events. */
export const STAFF: readonly DemoStaff[] = [
  { email: 'admin@tsunagu.example.jp', name: '管理 花子', role: Role.ADMIN, organization: null },
  staff('organizer@tokyo-zaimu.example.jp', '小西 隆之', Role.ORGANIZER, 'financeOffice'),
  staff('staff@tokyo-zaimu.example.jp', '野田 彩', Role.STAFF, 'financeOffice'),
  staff('organizer@monokoto100.example.jp', '堀 翔太', Role.ORGANIZER, 'monokoto'),
  staff('organizer@tcci-taito.example.jp', '浅野 美穂', Role.ORGANIZER, 'tcciTaito'),
  staff('staff@tcci-taito.example.jp', '上野 健太', Role.STAFF, 'tcciTaito'),
  staff('organizer@city-taito.example.jp', '松井 由美', Role.ORGANIZER, 'taitoCity'),
  staff('organizer@city-ota.example.jp', '川村 誠', Role.ORGANIZER, 'otaCity'),
  staff('staff@city-ota.example.jp', '島田 千尋', Role.STAFF, 'otaCity'),
  staff('organizer@city-kawaguchi.example.jp', '新井 浩二', Role.ORGANIZER, 'kawaguchiCity'),
  staff('staff@city-kawaguchi.example.jp', '田島 智子', Role.STAFF, 'kawaguchiCity'),
  staff('organizer@smec-council.example.jp', '西田 直樹', Role.ORGANIZER, 'council'),
  staff('organizer@kawasemi-shinkin.example.jp', '木下 雄一', Role.ORGANIZER, 'creditUnion'),
  staff('staff@kawasemi-shinkin.example.jp', '北川 奈々', Role.STAFF, 'creditUnion'),
  staff('organizer@omecci.example.jp', '大森 康弘', Role.ORGANIZER, 'omeCci'),
  staff('staff@omecci.example.jp', '河野 早紀', Role.STAFF, 'omeCci'),
];
