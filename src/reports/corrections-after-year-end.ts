import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { fiscalYearOf } from '../common/japan/fiscal-year';
import { countedAfter, countedBefore, DealCorrection } from '../deals/deal-correction.entity';
import { DealCorrectionKind } from '../deals/deal-enums';
import { DealCounted, endedYearsChanged } from '../deals/deal-year-count';
import { DealAdditionModel, DealChangeModel, DealDeletionModel } from '../deals/models/deal-correction.model';

/** How a report counts a deal, so that it can say how much a deal's correction moved its figures. */
export interface DealCounting<F extends Record<keyof F, number>> {
  /** What one deal adds to the report's figures; null (none: deleted or not yet recorded) adds nothing. */
  count(deal: DealCounted | null): F;
  /**
   * Whether going from `before` to `after` (null before: recording the deal, null after: deleting
   * it) changes what the deal counts in the report: one of its figures, or the breakdown the deal
   * counts under.
   */
  changes(before: DealCounted | null, after: DealCounted | null): boolean;
}

export interface CorrectionsAfterYearEnd<F> {
  /** The deletions, and by how much they took each figure down (0 or more). */
  deleted: { deletions: DealDeletionModel[]; figures: F };
  /** The changes, and by how much they took each figure up and down (each 0 or more). */
  changed: { changes: DealChangeModel[]; increased: F; decreased: F };
  /** The deals recorded into the ended year, and by how much they took each figure up (0 or more). */
  added: { additions: DealAdditionModel[]; figures: F };
}

/**
 * 年度終了後の訂正 of a report on a 年度: the deals deleted, those changed, and those recorded into
 * a year that had ended (DealCorrection), since the year ended, among those the report counts
 * (`scope`, on `correction`), that moved its figures as `counting` counts them, the earliest first:
 * what the report's figures lost, gained, or how they moved, after they could have been reported.
 * Null while the year runs: nothing reported yet.
 */
export async function correctionsAfterYearEnd<F extends Record<keyof F, number>>(
  manager: EntityManager,
  { yearEnd, generatedAt }: { yearEnd: Date; generatedAt: Date },
  scope: (query: SelectQueryBuilder<DealCorrection>) => SelectQueryBuilder<DealCorrection>,
  counting: DealCounting<F>,
): Promise<CorrectionsAfterYearEnd<F> | null> {
  if (generatedAt < yearEnd) return null;
  const corrections = await scope(
    manager
      .getRepository(DealCorrection)
      .createQueryBuilder('correction')
      .leftJoinAndSelect('correction.event', 'event')
      .leftJoinAndSelect('correction.correctedBy', 'correctedBy')
      .where('correction.correctedAt >= :yearEnd', { yearEnd }),
  )
    .orderBy('correction.correctedAt')
    .addOrderBy('correction.id')
    .getMany();
  // A correction of a deal the report counts that moved none of its figures is not its correction,
  // nor is one that touched no year ended when it was made: every deletion is recorded, of this
  // year's deals too, which no figures reported so far counted.
  const moving = corrections.filter((correction) => {
    const [before, after] = [countedBefore(correction), countedAfter(correction)];
    return (
      counting.changes(before, after) &&
      endedYearsChanged(before, after, fiscalYearOf(correction.correctedAt)).length > 0
    );
  });
  const none: Record<keyof F, number> = counting.count(null);
  const [deleted, increased, decreased, added] = [{ ...none }, { ...none }, { ...none }, { ...none }];
  for (const correction of moving) {
    const before: Record<keyof F, number> = counting.count(countedBefore(correction));
    const after: Record<keyof F, number> = counting.count(countedAfter(correction));
    for (const figure of Object.keys(none) as (keyof F)[]) {
      const moved = after[figure] - before[figure];
      if (correction.kind === DealCorrectionKind.DELETED) deleted[figure] -= moved;
      else if (correction.kind === DealCorrectionKind.ADDED) added[figure] += moved;
      else if (moved > 0) increased[figure] += moved;
      else decreased[figure] -= moved;
    }
  }
  const of = (kind: DealCorrectionKind) => moving.filter((correction) => correction.kind === kind);
  return {
    deleted: { deletions: of(DealCorrectionKind.DELETED).map(DealDeletionModel.from), figures: deleted as F },
    changed: {
      changes: of(DealCorrectionKind.CHANGED).map(DealChangeModel.from),
      increased: increased as F,
      decreased: decreased as F,
    },
    added: { additions: of(DealCorrectionKind.ADDED).map(DealAdditionModel.from), figures: added as F },
  };
}

/**
 * A report's three fields of 年度終了後の訂正 (dealsDeletedAfterYearEnd, dealsChangedAfterYearEnd,
 * dealsAddedAfterYearEnd), from what correctionsAfterYearEnd found: all null while the year runs.
 */
export function correctionFields<F>(corrections: CorrectionsAfterYearEnd<F> | null) {
  if (!corrections)
    return { dealsDeletedAfterYearEnd: null, dealsChangedAfterYearEnd: null, dealsAddedAfterYearEnd: null };
  const { deleted, changed, added } = corrections;
  return {
    dealsDeletedAfterYearEnd: {
      deals: deleted.deletions.length,
      ...deleted.figures,
      deletions: deleted.deletions,
    },
    dealsChangedAfterYearEnd: { count: changed.changes.length, ...changed },
    dealsAddedAfterYearEnd: { deals: added.additions.length, ...added.figures, additions: added.additions },
  };
}
