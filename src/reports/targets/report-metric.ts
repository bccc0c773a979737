import { registerEnumType } from '@nestjs/graphql';

/**
 * The report's figures an organisation can set a 年度目標 for: the counts its 経営発達支援計画 or
 * 施策の指標 name (開催回数, 参加事業者数 and the year's 新規 of them, 成約件数, フォローアップの延回数 …),
 * the 成約金額, in 万円 as such plans write amounts, and the share of アンケート answers saying
 * 受注機会の拡大 (「…と回答した企業の割合 目標50%」), in %. Each is read from the report itself, so
 * 実績 beside a 目標 is the very figure the report shows.
 */
export enum ReportMetric {
  EVENTS = 'EVENTS',
  REGISTRATIONS = 'REGISTRATIONS',
  ATTENDED = 'ATTENDED',
  PARTICIPANTS = 'PARTICIPANTS',
  COMPANIES = 'COMPANIES',
  NEW_COMPANIES = 'NEW_COMPANIES',
  MEETINGS_HELD = 'MEETINGS_HELD',
  DEALS_RECORDED = 'DEALS_RECORDED',
  DEALS_WON = 'DEALS_WON',
  WON_AMOUNT = 'WON_AMOUNT',
  FOLLOW_UPS_DONE = 'FOLLOW_UPS_DONE',
  GAINED_OPPORTUNITIES = 'GAINED_OPPORTUNITIES',
  GAINED_OPPORTUNITIES_RATE = 'GAINED_OPPORTUNITIES_RATE',
}

registerEnumType(ReportMetric, { name: 'ReportMetric', description: '年度目標を設定できる実績の項目' });

/** The report's figures a target is compared with (FiscalYearReportModel has them all). */
export interface TargetFigures {
  events: { total: number };
  participation: {
    registrations: number;
    attended: number;
    participants: number;
    companies: number;
    newCompanies: number;
  };
  meetings: { held: number };
  deals: { recorded: number; won: number; wonAmountYen: number };
  followUps: { done: number };
  surveys: { gainedOpportunities: number; gainedOpportunitiesRate: number | null };
}

/** How a metric is read: its label and unit, and where the 実績 is. */
export interface ReportMetricDefinition {
  label: string;
  unit: string;
  /** A share in percent rather than a count: its 目標 is 0–100, its 実績 may have decimals. */
  percentage: boolean;
  /** null where there is nothing to measure yet (a share of no answers). */
  actual: (report: TargetFigures) => number | null;
}

const count = (label: string, unit: string, actual: (report: TargetFigures) => number) => ({
  label,
  unit,
  percentage: false,
  actual,
});

/** Label, unit and where the 実績 is, in the report's order (also the CSV's). */
export const REPORT_METRICS: Record<ReportMetric, ReportMetricDefinition> = {
  [ReportMetric.EVENTS]: count('開催イベント数', '件', (r) => r.events.total),
  [ReportMetric.REGISTRATIONS]: count('参加登録数（延べ）', '件', (r) => r.participation.registrations),
  [ReportMetric.ATTENDED]: count('出席者数（延べ）', '人', (r) => r.participation.attended),
  [ReportMetric.PARTICIPANTS]: count('参加者数（実人数）', '人', (r) => r.participation.participants),
  [ReportMetric.COMPANIES]: count('参加事業者数', '社', (r) => r.participation.companies),
  [ReportMetric.NEW_COMPANIES]: count('新規参加事業者数', '社', (r) => r.participation.newCompanies),
  [ReportMetric.MEETINGS_HELD]: count('面談の実施', '件', (r) => r.meetings.held),
  [ReportMetric.DEALS_RECORDED]: count('新規商談数', '件', (r) => r.deals.recorded),
  [ReportMetric.DEALS_WON]: count('成約件数', '件', (r) => r.deals.won),
  // 万円未満切り捨て, as a report in 万円 reads: 1,234,567円 is 123万円.
  [ReportMetric.WON_AMOUNT]: count('成約金額', '万円', (r) => Math.floor(r.deals.wonAmountYen / 10_000)),
  [ReportMetric.FOLLOW_UPS_DONE]: count(
    'フォローアップの実施（年度内に完了）',
    '件',
    (r) => r.followUps.done,
  ),
  [ReportMetric.GAINED_OPPORTUNITIES]: count(
    '受注機会の拡大につながったと回答した数（アンケート）',
    '件',
    (r) => r.surveys.gainedOpportunities,
  ),
  // The 施策の指標's own figure: the report's gainedOpportunitiesRate, over the answers of those who
  // took part (surveys.responses), so that 目標 50 is read as 50 %, not as 50 answers.
  [ReportMetric.GAINED_OPPORTUNITIES_RATE]: {
    label: '受注機会の拡大につながったと回答した割合（参加した人のアンケート回答のうち）',
    unit: '%',
    percentage: true,
    actual: (r) => r.surveys.gainedOpportunitiesRate,
  },
};

/**
 * 達成率 in percent, to one decimal (実績 ÷ 目標); null for a 目標 of 0, which any 実績 meets, and
 * for no 実績 to compare (a share with no answers).
 */
export function achievementRate(actual: number | null, target: number): number | null {
  return target === 0 || actual === null ? null : Math.round((actual / target) * 1000) / 10;
}
