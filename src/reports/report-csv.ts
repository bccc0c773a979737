import { tokyoDateOf } from '../common/time/calendar-date';
import { yearCountChange } from '../deals/deal-year-count';
import {
  DealAdditionModel,
  DealChangeModel,
  DealCountedStateModel,
  DealDeletionModel,
} from '../deals/models/deal-correction.model';
import { REGISTRATIONS_BASIS } from '../events/registration-counts';
import { SURVEY_FIGURES_BASIS } from '../surveys/survey-rules';
import { EventWonCount, eventWonCountChange } from './event-deal-count';
import { EventReportModel } from './models/event-report.model';
import { DealYearFigures, FiscalYearReportModel } from './models/fiscal-year-report.model';
import { MeetingRequestFiguresModel } from './models/meeting-request-figures.model';

/** One figure of the report, as one line of the CSV: Excel can filter and pivot on every column. */
export interface ReportCsvRow {
  /** What the figure is about (イベント, 参加, 商談 …), the group its 項目 belong to. */
  section: string;
  item: string;
  breakdown: string;
  value: string | number | Date;
  unit: string;
}

/**
 * 大項目 over 項目 and 内訳, as a 報告書 groups its lines. Not 区分: staff paste the report beside the
 * participant list, where 区分 is a participant's kind (若手経営者, 後継者 …).
 */
export const REPORT_CSV_COLUMNS: { header: string; value: (row: ReportCsvRow) => unknown }[] = [
  { header: '大項目', value: (row) => row.section },
  { header: '項目', value: (row) => row.item },
  { header: '内訳', value: (row) => row.breakdown },
  { header: '値', value: (row) => row.value },
  { header: '単位', value: (row) => row.unit },
];

const TOTAL = '合計';

/** On what each part of a report is counted (the report models' descriptions say the same). */
const FISCAL_YEAR_EVENTS_BASIS =
  '年度内に開催した（集計時点で開始済みの）主催・共催のイベント（下書き・中止を除く）';
const FISCAL_YEAR_DEALS_BASIS =
  '自団体のスタッフが記録したもの（共催イベントで他団体が記録した商談は含まない）';
const EVENT_DEALS_BASIS = 'このイベントについて主催・共催の各団体が記録したもの';
const DEALS_AFTER_YEAR_END_BASIS =
  '年度終了後に削除された商談を除き、変更された商談は変更後の値で、年度終了後に記録された商談も含めて数えた現在の値' +
  '（削除で減った分は「年度終了後の訂正（削除）」、変更で動いた分は「年度終了後の訂正（変更）」、' +
  '記録で増えた分は「年度終了後の訂正（追加）」に記載）';
const DEALS_DELETED = '年度終了後の訂正（削除）';
const DEALS_CHANGED = '年度終了後の訂正（変更）';
const DEALS_ADDED = '年度終了後の訂正（追加）';

/** A deal figure of a report, under its name in the file. */
interface DealItem<K extends string> {
  item: string;
  figure: K;
  unit: string;
}

const DEAL_ITEMS: DealItem<keyof DealYearFigures>[] = [
  { item: '新規商談数', figure: 'recorded', unit: '件' },
  { item: '成約件数', figure: 'won', unit: '件' },
  { item: '不成立件数', figure: 'lost', unit: '件' },
  { item: '成約金額', figure: 'wonAmountYen', unit: '円' },
  { item: '金額未入力の成約', figure: 'wonWithoutAmount', unit: '件' },
];

/** An event's 成約 figures, those its deals' corrections after the year's end move. */
const EVENT_WON_ITEMS: DealItem<keyof EventWonCount>[] = [
  { item: '成約件数', figure: 'won', unit: '件' },
  { item: '成約金額', figure: 'wonAmountYen', unit: '円' },
  { item: '金額未入力の成約', figure: 'wonWithoutAmount', unit: '件' },
];

/** The deal figures as `items` name them, by how much a correction after the year's end moved them. */
const movedItems = <K extends string>(items: DealItem<K>[], moved: string) =>
  items.map(({ item, ...rest }) => ({ item: `${item}の${moved}`, ...rest }));

const row = (
  section: string,
  item: string,
  value: ReportCsvRow['value'],
  unit = '',
  breakdown = '',
): ReportCsvRow => ({ section, item, breakdown, value, unit });

/**
 * 面談申込 in both reports' files under the same names, so that the rows of a year's events add up
 * to the year's row. 面談成立, not 成立 alone: beside the 商談 rows, 成立 would read as 商談成立 (成約).
 */
const meetingRequestRows = (figures: MeetingRequestFiguresModel): ReportCsvRow[] => [
  row('面談申込', '申込数', figures.total, '件', TOTAL),
  ...figures.byStatus.map((status) => row('面談申込', '申込数', status.count, '件', status.label)),
  row('面談申込', '面談成立（承諾後の取消を含む）', figures.agreed, '件'),
  row('面談申込', '面談成立率（申込数のうち）', figures.agreedRate ?? '', '%'),
  row('面談申込', '承諾済みで面談未配置', figures.unplaced, '件'),
];

const placedMeetingsRow = (placed: number) => row('面談', '配置済み（中止を除く）', placed, '件');

/**
 * The report as one row per figure, in the order of the GraphQL type. A breakdown (by event kind,
 * by deal type) follows its 合計 row, so the rows under a 合計 add up to it. Each 年度目標 comes last
 * as three rows: 目標, 実績 and 達成率.
 */
export function fiscalYearReportRows(report: FiscalYearReportModel): ReportCsvRow[] {
  const { events, participation, meetingRequests, meetings, deals, followUps, surveys } = report;
  return [
    row('対象', '団体', report.organization.name),
    row('対象', '年度', `${report.label}（${report.fiscalYear}年度）`),
    row('対象', '期間', `${report.firstDay}〜${report.lastDay}`),
    row('対象', '集計日時', report.generatedAt),
    // What the GraphQL descriptions say, for whoever reads the file without them.
    row('対象', '集計の範囲', FISCAL_YEAR_EVENTS_BASIS, '', 'イベント・参加・面談申込・面談・アンケート'),
    row('対象', '集計の範囲', FISCAL_YEAR_DEALS_BASIS, '', '商談・フォローアップ'),
    ...(report.dealsDeletedAfterYearEnd
      ? [row('対象', '集計の範囲', DEALS_AFTER_YEAR_END_BASIS, '', '商談')]
      : []),
    row('対象', '集計の範囲', REGISTRATIONS_BASIS, '', '参加登録数'),
    row('対象', '集計の範囲', SURVEY_FIGURES_BASIS, '', 'アンケート'),
    row('イベント', '開催イベント数', events.total, '件', TOTAL),
    ...events.byKind.map((kind) => row('イベント', '開催イベント数', kind.count, '件', kind.label)),
    row('参加', '参加登録数（延べ）', participation.registrations, '件'),
    row('参加', '出席者数（延べ）', participation.attended, '人'),
    row('参加', '参加者数（実人数）', participation.participants, '人'),
    row('参加', '参加事業者数', participation.companies, '社'),
    row('参加', 'うち新規参加事業者数', participation.newCompanies, '社'),
    row('参加', '参加事業者数の累計', participation.companiesToDate, '社'),
    ...meetingRequestRows(meetingRequests),
    row('面談', '実施', meetings.held, '件'),
    row('面談', '不参加あり', meetings.noShow, '件'),
    placedMeetingsRow(meetings.placed),
    ...DEAL_ITEMS.flatMap(({ item, figure, unit }) => [
      row('商談', item, deals[figure], unit, TOTAL),
      ...deals.byType.map((type) => row('商談', item, type[figure], unit, type.label)),
    ]),
    ...dealDeletionRows(report.dealsDeletedAfterYearEnd, DEAL_ITEMS),
    ...dealChangeRows(report.dealsChangedAfterYearEnd, DEAL_ITEMS, {
      moved: (change) => yearCountChange(change.before, change.after, report.fiscalYear),
      breakdownOnly: '種類別の内訳のみ',
    }),
    ...dealAdditionRows(report.dealsAddedAfterYearEnd, DEAL_ITEMS, {
      moved: (addition) => yearCountChange(null, addition, report.fiscalYear),
      breakdownOnly: '種類別の内訳のみ',
    }),
    row('フォローアップ', '期限が年度内', followUps.due, '件'),
    row('フォローアップ', '年度内に完了', followUps.done, '件'),
    row('フォローアップ', '未完了（期限が年度内）', followUps.open, '件'),
    row('フォローアップ', 'うち期限超過', followUps.overdue, '件'),
    row('アンケート', '回答数', surveys.responses, '件'),
    row('アンケート', '受注機会の拡大につながった', surveys.gainedOpportunities, '件'),
    row('アンケート', '受注機会の拡大につながった割合', surveys.gainedOpportunitiesRate ?? '', '%'),
    row('アンケート', '満足度の平均', surveys.satisfactionAverage ?? '', '点（5点満点）'),
    ...report.targets.flatMap((target) => [
      row('年度目標', target.label, target.target, target.unit, '目標'),
      row('年度目標', target.label, target.actual ?? '', target.unit, '実績'),
      row('年度目標', target.label, target.achievementRate ?? '', '%', '達成率'),
    ]),
  ];
}

/** 年度終了後の訂正, as both reports give them over their own deal figures `K`. */
type DealDeletions<K extends string> = Record<K, number> & { deals: number; deletions: DealDeletionModel[] };
interface DealChanges<K extends string> {
  count: number;
  increased: Record<K, number>;
  decreased: Record<K, number>;
  changes: DealChangeModel[];
}
type DealAdditions<K extends string> = Record<K, number> & { deals: number; additions: DealAdditionModel[] };

/**
 * 年度終了後の訂正（削除） of an ended year: how many deals were deleted after its end, one row for
 * each (what it was, when it was deleted and why) under the 合計, then by how much each deal figure
 * (`items`) went down. None while the year runs.
 */
function dealDeletionRows<K extends string>(
  deleted: DealDeletions<K> | null,
  items: DealItem<K>[],
): ReportCsvRow[] {
  if (!deleted) return [];
  return [
    row(DEALS_DELETED, '削除した商談', deleted.deals, '件', TOTAL),
    ...deleted.deletions.map((deletion) =>
      row(DEALS_DELETED, '削除した商談', 1, '件', describeDeletion(deletion)),
    ),
    ...movedItems(items, '減少').map(({ item, figure, unit }) =>
      row(DEALS_DELETED, item, deleted[figure], unit),
    ),
  ];
}

/**
 * How a report's figures moved with one change (or addition), and what to say when only a
 * breakdown moved.
 */
interface ChangeMoves<K extends string, C = DealChangeModel> {
  moved: (correction: C) => Record<K, number>;
  breakdownOnly: string;
}

/**
 * 年度終了後の訂正（変更） the same way: how many changes moved the report's figures after the
 * year's end, one row for each (what it was before and after, how it moved the figures, when and
 * why), then by how much each deal figure went up and down. None while the year runs.
 */
function dealChangeRows<K extends string>(
  changed: DealChanges<K> | null,
  items: DealItem<K>[],
  moves: ChangeMoves<K>,
): ReportCsvRow[] {
  if (!changed) return [];
  return [
    row(DEALS_CHANGED, '変更した商談', changed.count, '件', TOTAL),
    ...changed.changes.map((change) =>
      row(DEALS_CHANGED, '変更した商談', 1, '件', describeChange(change, items, moves)),
    ),
    ...movedItems(items, '増加').map(({ item, figure, unit }) =>
      row(DEALS_CHANGED, item, changed.increased[figure], unit),
    ),
    ...movedItems(items, '減少').map(({ item, figure, unit }) =>
      row(DEALS_CHANGED, item, changed.decreased[figure], unit),
    ),
  ];
}

/** 「受発注・成約・4000000円」, with the dates 「・2026-05-01〜2026-07-01」 if asked. */
function describeCounted(
  deal: DealCountedStateModel | DealDeletionModel | DealAdditionModel,
  withDates = false,
): string {
  const what = [deal.typeLabel, deal.stageLabel];
  if (deal.amountYen !== null) what.push(`${deal.amountYen}円`);
  if (withDates) what.push(`${deal.startedOn}〜${deal.closedOn ?? ''}`);
  return what.join('・');
}

/** 「2027-05-12 削除「金型の受注」（受発注・成約・4000000円）理由: 二重登録」 */
function describeDeletion(deletion: DealDeletionModel): string {
  return (
    `${tokyoDateOf(deletion.deletedAt)} 削除「${deletion.title}」（${describeCounted(deletion)}）` +
    `理由: ${deletion.reason || '（記載なし）'}`
  );
}

/**
 * 「2027-05-12 変更「金型の受注」（受発注・成約・4000000円・2026-05-01〜2026-07-01）→
 * （受発注・商談中・4000000円・2026-05-01〜）成約件数 -1件・成約金額 -4000000円 理由: 発注の取り消し」: what
 * moved in the report's figures, or that only the breakdown the deal counts under did (種類別 in a
 * year's, 段階別 in an event's).
 */
function describeChange<K extends string>(
  change: DealChangeModel,
  items: DealItem<K>[],
  { moved: movedBy, breakdownOnly }: ChangeMoves<K>,
): string {
  return (
    `${tokyoDateOf(change.changedAt)} 変更「${change.title}」` +
    `（${describeCounted(change.before, true)}）→（${describeCounted(change.after, true)}）` +
    `${describeMoves(movedBy(change), items) || breakdownOnly} 理由: ${change.reason}`
  );
}

/** 「成約件数 -1件・成約金額 -4000000円」: the figures `items` name that moved, by how much. */
function describeMoves<K extends string>(moved: Record<K, number>, items: DealItem<K>[]): string {
  return items
    .filter(({ figure }) => moved[figure] !== 0)
    .map(({ item, figure, unit }) => `${item} ${moved[figure] > 0 ? '+' : ''}${moved[figure]}${unit}`)
    .join('・');
}

/**
 * 年度終了後の訂正（追加） the same way: how many deals counted in the report were recorded after
 * the year's end, one row for each (what it was recorded as, what it added to the report's figures,
 * when and why), then by how much each deal figure went up. None while the year runs.
 */
function dealAdditionRows<K extends string>(
  added: DealAdditions<K> | null,
  items: DealItem<K>[],
  moves: ChangeMoves<K, DealAdditionModel>,
): ReportCsvRow[] {
  if (!added) return [];
  return [
    row(DEALS_ADDED, '記録した商談', added.deals, '件', TOTAL),
    ...added.additions.map((addition) =>
      row(DEALS_ADDED, '記録した商談', 1, '件', describeAddition(addition, items, moves)),
    ),
    ...movedItems(items, '増加').map(({ item, figure, unit }) => row(DEALS_ADDED, item, added[figure], unit)),
  ];
}

/**
 * 「2027-05-10 記録「金型の受注」（受発注・成約・3000000円・2027-03-20〜2027-03-28）新規商談数 +1件・
 * 成約件数 +1件・成約金額 +3000000円 理由: 記録漏れ」: as recorded, its dates saying which year it
 * went into, and what it added to the report's figures, as describeChange.
 */
function describeAddition<K extends string>(
  addition: DealAdditionModel,
  items: DealItem<K>[],
  { moved, breakdownOnly }: ChangeMoves<K, DealAdditionModel>,
): string {
  return (
    `${tokyoDateOf(addition.addedAt)} 記録「${addition.title}」（${describeCounted(addition, true)}）` +
    `${describeMoves(moved(addition), items) || breakdownOnly} 理由: ${addition.reason}`
  );
}

/** An event's report the same way: one row per figure, each breakdown after its 合計. */
export function eventReportRows(report: EventReportModel): ReportCsvRow[] {
  const { event, registrations, meetingRequests, meetings, deals, surveys } = report;
  return [
    row('対象', 'イベント', event.title),
    row('対象', '開始', event.startsAt),
    row('対象', '終了', event.endsAt),
    row('対象', '集計日時', report.generatedAt),
    row('対象', '集計の範囲', REGISTRATIONS_BASIS, '', '参加登録数'),
    row('対象', '集計の範囲', EVENT_DEALS_BASIS, '', '商談'),
    ...(report.dealsDeletedAfterYearEnd
      ? [row('対象', '集計の範囲', DEALS_AFTER_YEAR_END_BASIS, '', '商談')]
      : []),
    row('対象', '集計の範囲', SURVEY_FIGURES_BASIS, '', 'アンケート'),
    // 参加登録数 as the events list and the 年度 report count it; every status, invitations and
    // cancellations too, under a name of its own so that nobody reads it as 参加登録.
    row('参加登録', '参加登録数', registrations.registrations, '件'),
    row('参加登録', '申込・招待の総数', registrations.total, '件', TOTAL),
    ...registrations.byStatus.map((status) =>
      row('参加登録', '申込・招待の総数', status.count, '件', status.label),
    ),
    ...meetingRequestRows(meetingRequests),
    row('面談', '件数', meetings.total, '件', TOTAL),
    ...meetings.byStatus.map((status) => row('面談', '件数', status.count, '件', status.label)),
    placedMeetingsRow(meetings.placed),
    row('商談', '件数', deals.total, '件', TOTAL),
    ...deals.byStage.map((stage) => row('商談', '件数', stage.count, '件', stage.label)),
    // 成約金額 as the 年度 report counts it; the other stages' amounts (見込額, 不成立) only by stage,
    // so that no 合計 mixes them with what was won.
    row('商談', '成約金額', deals.wonAmountYen, '円'),
    row('商談', '金額未入力の成約', deals.wonWithoutAmount, '件'),
    ...deals.byStage.map((stage) => row('商談', '段階別の金額', stage.amountYen, '円', stage.label)),
    ...deals.byStage.map((stage) =>
      row('商談', '段階別の金額未入力', stage.withoutAmount, '件', stage.label),
    ),
    ...dealDeletionRows(report.dealsDeletedAfterYearEnd, EVENT_WON_ITEMS),
    ...dealChangeRows(report.dealsChangedAfterYearEnd, EVENT_WON_ITEMS, {
      moved: (change) => eventWonCountChange(change.before, change.after),
      breakdownOnly: '段階別の内訳のみ',
    }),
    ...dealAdditionRows(report.dealsAddedAfterYearEnd, EVENT_WON_ITEMS, {
      moved: (addition) => eventWonCountChange(null, addition),
      breakdownOnly: '段階別の内訳のみ',
    }),
    row('アンケート', '回答数', surveys.responses, '件'),
    row('アンケート', '受注機会の拡大につながった', surveys.gainedOpportunities, '件'),
    row('アンケート', '受注機会の拡大につながった割合', surveys.gainedOpportunitiesRate ?? '', '%'),
    row('アンケート', '満足度の平均', surveys.satisfactionAverage ?? '', '点（5点満点）'),
  ];
}
