import { registerEnumType } from '@nestjs/graphql';

/**
 * The report's figures an organisation can set a 年度目標 for: the counts its 経営発達支援計画 or
 * 施策の指標 name (開催回数, 参加事業者数 and the year's 新規 of them, 成約件数, フォローアップの延回数 …)
 * and the 成約金額, in 万円 as such plans write amounts. Each is read from the report itself, so
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
  surveys: { gainedOpportunities: number };
}

/** Label, unit and where the 実績 is, in the report's order (also the CSV's). */
export const REPORT_METRICS: Record<
  ReportMetric,
  { label: string; unit: string; actual: (report: TargetFigures) => number }
> = {
  [ReportMetric.EVENTS]: { label: '開催イベント数', unit: '件', actual: (r) => r.events.total },
  [ReportMetric.REGISTRATIONS]: {
    label: '参加登録数（延べ）',
    unit: '件',
    actual: (r) => r.participation.registrations,
  },
  [ReportMetric.ATTENDED]: { label: '出席者数（延べ）', unit: '人', actual: (r) => r.participation.attended },
  [ReportMetric.PARTICIPANTS]: {
    label: '参加者数（実人数）',
    unit: '人',
    actual: (r) => r.participation.participants,
  },
  [ReportMetric.COMPANIES]: { label: '参加事業者数', unit: '社', actual: (r) => r.participation.companies },
  [ReportMetric.NEW_COMPANIES]: {
    label: '新規参加事業者数',
    unit: '社',
    actual: (r) => r.participation.newCompanies,
  },
  [ReportMetric.MEETINGS_HELD]: { label: '面談の実施', unit: '件', actual: (r) => r.meetings.held },
  [ReportMetric.DEALS_RECORDED]: { label: '新規商談数', unit: '件', actual: (r) => r.deals.recorded },
  [ReportMetric.DEALS_WON]: { label: '成約件数', unit: '件', actual: (r) => r.deals.won },
  // 万円未満切り捨て, as a report in 万円 reads: 1,234,567円 is 123万円.
  [ReportMetric.WON_AMOUNT]: {
    label: '成約金額',
    unit: '万円',
    actual: (r) => Math.floor(r.deals.wonAmountYen / 10_000),
  },
  [ReportMetric.FOLLOW_UPS_DONE]: {
    label: 'フォローアップの実施（年度内に完了）',
    unit: '件',
    actual: (r) => r.followUps.done,
  },
  [ReportMetric.GAINED_OPPORTUNITIES]: {
    label: '受注機会の拡大につながった（アンケート）',
    unit: '件',
    actual: (r) => r.surveys.gainedOpportunities,
  },
};

/** 達成率 in percent, to one decimal (実績 ÷ 目標); null for a 目標 of 0, which any 実績 meets. */
export function achievementRate(actual: number, target: number): number | null {
  return target === 0 ? null : Math.round((actual / target) * 1000) / 10;
}
