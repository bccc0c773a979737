import { fiscalYearOfDate } from '../common/time/calendar-date';
import { DealStage, DealType } from './deal-enums';

/** What of a deal the 年度 figures count: its type, stage, amount and dates. */
export interface DealCounted {
  type: DealType;
  stage: DealStage;
  amountYen: number | null;
  startedOn: string;
  closedOn: string | null;
}

/** The deal figures of a 年度, as fiscalYearReport's `deals` and DealYearFigures name them. */
export interface DealYearCount {
  recorded: number;
  won: number;
  lost: number;
  wonAmountYen: number;
  wonWithoutAmount: number;
}

export const NO_DEALS: DealYearCount = { recorded: 0, won: 0, lost: 0, wonAmountYen: 0, wonWithoutAmount: 0 };

const FIGURES = Object.keys(NO_DEALS) as (keyof DealYearCount)[];

/**
 * What one deal (null: none, deleted or not yet recorded) adds to a year's figures, as the
 * 年度実績報告 counts them: 新規商談 in the year it started, 成約・不成立 in the year it closed.
 */
export function yearCount(deal: DealCounted | null, fiscalYear: number): DealYearCount {
  if (!deal) return NO_DEALS;
  const closed = deal.closedOn !== null && fiscalYearOfDate(deal.closedOn) === fiscalYear;
  const won = closed && deal.stage === DealStage.WON;
  return {
    recorded: fiscalYearOfDate(deal.startedOn) === fiscalYear ? 1 : 0,
    won: won ? 1 : 0,
    lost: closed && deal.stage === DealStage.LOST ? 1 : 0,
    wonAmountYen: won ? (deal.amountYen ?? 0) : 0,
    wonWithoutAmount: won && deal.amountYen === null ? 1 : 0,
  };
}

/** How the year's figures moved from `before` to `after`, each figure after − before. */
export function yearCountChange(
  before: DealCounted | null,
  after: DealCounted | null,
  fiscalYear: number,
): DealYearCount {
  const [from, to] = [yearCount(before, fiscalYear), yearCount(after, fiscalYear)];
  return Object.fromEntries(FIGURES.map((figure) => [figure, to[figure] - from[figure]])) as never;
}

/**
 * Whether going from `before` to `after` (null before: recording the deal, null after: deleting
 * it) changes what the deal counts in the year: a figure, or the type it counts under (the
 * report's figures by type).
 */
export function changesYear(
  before: DealCounted | null,
  after: DealCounted | null,
  fiscalYear: number,
): boolean {
  const counted = (deal: DealCounted | null) => {
    const count = yearCount(deal, fiscalYear);
    return FIGURES.some((figure) => count[figure] !== 0) ? { type: deal!.type, ...count } : null;
  };
  return JSON.stringify(counted(before)) !== JSON.stringify(counted(after));
}

/**
 * The years before `currentYear` (ended, and most likely reported) whose figures going from
 * `before` to `after` changes, earliest first: null before is recording the deal, null after is
 * deleting it.
 */
export function endedYearsChanged(
  before: DealCounted | null,
  after: DealCounted | null,
  currentYear: number,
): number[] {
  const dates = [before?.startedOn, before?.closedOn, after?.startedOn, after?.closedOn];
  const years = dates.flatMap((date) => (date ? [fiscalYearOfDate(date)] : []));
  return [...new Set(years)]
    .filter((year) => year < currentYear && changesYear(before, after, year))
    .sort((a, b) => a - b);
}
