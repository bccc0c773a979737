import { Board } from './board';
import { buildResult } from './build-result';
import { compactGaps } from './gap-compaction';
import { greedyFill, priorityOrder } from './greedy';
import { getHighs } from './highs-solver';
import { LocalSearch } from './local-search';
import { compileProblem, Problem } from './problem';
import { ScheduleInstance, ScheduleOptions, ScheduleResult, ScheduleStats } from './types';
import { combinatorialBound, roundBound, solverBound } from './upper-bound';
import { solveTimeIndexed } from './time-indexed-mip';
import { validateInstance } from './validate-instance';

const DEFAULT_TIME_LIMIT_MS = 8000;
/** Beyond this many requests the b-matching MIP costs more than its bound is worth. */
const SOLVER_MAX_CANDIDATES = 200_000;
const WEIGHT_EPSILON = 1e-9;

/**
 * Assigns accepted meeting requests to slots and tables, maximising the total weight of the
 * meetings held and then compacting everyone's day. Throws InstanceError on bad input.
 */
export async function scheduleMeetings(
  instance: ScheduleInstance | unknown,
  options: ScheduleOptions = {},
): Promise<ScheduleResult> {
  const startedAt = Date.now();
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const deadline = startedAt + timeLimitMs;
  const seed = options.seed ?? 1;
  const report = options.onProgress ?? (() => undefined);

  report({ phase: 'validate', fraction: 0 });
  const problem = compileProblem(validateInstance(instance));

  report({ phase: 'bound', fraction: 0.05, toward: { fraction: 0.4, by: startedAt + timeLimitMs * 0.4 } });
  let upperBound = combinatorialBound(problem);
  let boundMethod: ScheduleStats['boundMethod'] = 'combinatorial';
  let selection: Uint8Array | undefined;
  if (options.useSolver !== false && problem.candidates.length <= SOLVER_MAX_CANDIDATES) {
    const solved = solverBound(problem, await getHighs(), (timeLimitMs * 0.4) / 1000);
    if (solved && solved.bound < upperBound) {
      upperBound = solved.bound;
      boundMethod = solved.method;
    }
    selection = solved?.selection;
  }

  report({ phase: 'greedy', fraction: 0.4, toward: { fraction: 0.8, by: deadline }, upperBound });
  const runs: Board[] = [];
  const orders = selection
    ? [priorityOrder(problem, selection), priorityOrder(problem)]
    : [priorityOrder(problem)];
  for (const [k, order] of orders.entries()) {
    const board = new Board(problem);
    greedyFill(board, order);
    runs.push(board);
    if (board.weight >= upperBound - WEIGHT_EPSILON) break;
    // Each run gets its share of the time left before compaction.
    const share = (deadline - Date.now()) * (k === orders.length - 1 ? 0.8 : 0.45);
    new LocalSearch(board).run({
      deadline: Date.now() + share,
      seed: seed + k,
      onPass: (_pass, weight) =>
        report({
          phase: 'improve',
          fraction: 0.5,
          toward: { fraction: 0.8, by: deadline },
          scheduledWeight: weight,
          upperBound,
        }),
    });
    if (board.weight >= upperBound - WEIGHT_EPSILON) break;
  }
  let best = pickBest(problem, runs);

  // Small events: the exact model can close the last few points and prove the optimum.
  if (options.useSolver !== false && best.weight < upperBound - WEIGHT_EPSILON && Date.now() < deadline) {
    const budgetMs = (deadline - Date.now()) * 0.8;
    report({
      phase: 'improve',
      fraction: 0.8,
      toward: { fraction: 0.9, by: Date.now() + budgetMs },
      scheduledWeight: best.weight,
      upperBound,
    });
    const exact = solveTimeIndexed(problem, await getHighs(), best, budgetMs / 1000);
    if (exact) {
      const bound = roundBound(problem, exact.bound);
      if (bound < upperBound) {
        upperBound = bound;
        boundMethod = 'time-indexed';
      }
      if (exact.weight > best.weight + WEIGHT_EPSILON) best = boardFromSlots(problem, exact.slotOf);
    }
  }

  report({ phase: 'compact', fraction: 0.9, scheduledWeight: best.weight, upperBound });
  compactGaps(best, Math.max(deadline, Date.now() + 200));

  const result = buildResult(best, upperBound, boundMethod, startedAt);
  report({
    phase: 'done',
    fraction: 1,
    scheduledWeight: result.scheduledWeight,
    upperBound: result.upperBound,
  });
  return result;
}

function boardFromSlots(problem: Problem, slotOf: Int32Array): Board {
  const board = new Board(problem);
  for (const i of problem.candidates) {
    if (slotOf[i] < 0) continue;
    if (!board.canPlace(i, slotOf[i])) throw new Error(`solver schedule breaks a rule at item ${i}`);
    board.place(i, slotOf[i]);
  }
  return board;
}

function pickBest(_problem: Problem, runs: Board[]): Board {
  return runs.reduce((best, board) =>
    board.weight > best.weight + WEIGHT_EPSILON ||
    (Math.abs(board.weight - best.weight) <= WEIGHT_EPSILON && board.placedCount > best.placedCount)
      ? board
      : best,
  );
}
