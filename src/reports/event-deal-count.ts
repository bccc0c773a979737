import { DealStage } from '../deals/deal-enums';
import { DealCounted } from '../deals/deal-year-count';
import { DealCounting } from './corrections-after-year-end';

/** The 成約 figures of an event's report (EventDealFiguresModel), as a correction moves them. */
export interface EventWonCount {
  won: number;
  wonAmountYen: number;
  wonWithoutAmount: number;
}

/**
 * What one deal (null: none, deleted or not yet recorded) adds to its event's 成約 figures, whenever
 * it closed.
 */
export function eventWonCount(deal: DealCounted | null): EventWonCount {
  const won = deal?.stage === DealStage.WON;
  return {
    won: won ? 1 : 0,
    wonAmountYen: won ? (deal.amountYen ?? 0) : 0,
    wonWithoutAmount: won && deal.amountYen === null ? 1 : 0,
  };
}

/** How the event's 成約 figures moved from `before` to `after`, each figure after − before. */
export function eventWonCountChange(before: DealCounted | null, after: DealCounted | null): EventWonCount {
  const [from, to] = [eventWonCount(before), eventWonCount(after)];
  return {
    won: to.won - from.won,
    wonAmountYen: to.wonAmountYen - from.wonAmountYen,
    wonWithoutAmount: to.wonWithoutAmount - from.wonWithoutAmount,
  };
}

/**
 * An event's report counts each of its deals by stage, with its amount, whatever its type and
 * dates: a deletion or an addition moves it, and a change of the stage or the amount, at any stage
 * (a 不成立 reopened moves the stages' counts alone, a 見込額 corrected their amounts alone, not the
 * 成約 figures); a corrected type or date does not.
 */
export const EVENT_DEAL_COUNTING: DealCounting<EventWonCount> = {
  count: eventWonCount,
  changes: (before, after) =>
    before === null || after === null || before.stage !== after.stage || before.amountYen !== after.amountYen,
};
