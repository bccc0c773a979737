import type { Highs, ModelData } from 'highs';
import { Problem } from './problem';
import { ScheduleStats } from './types';

export interface BoundResult {
  bound: number;
  method: ScheduleStats['boundMethod'];
  /** The solver's best selection of requests (1 = selected), a hint for the placement order. */
  selection?: Uint8Array;
}

/** Meetings each participant can still take: capped by maxMeetings and by their free slots. */
export function remainingCapacity(problem: Problem): Int32Array {
  const { participantIds, slotCount: T, available, maxMeetings, items } = problem;
  const n = participantIds.length;
  const capacity = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    let slots = 0;
    for (let t = 0; t < T; t++) slots += available[p * T + t];
    capacity[p] = Math.min(maxMeetings[p], slots);
  }
  for (const item of items) {
    if (!item.locked) continue;
    capacity[item.a]--;
    capacity[item.b]--;
  }
  return capacity;
}

/** Integer weights give an integer optimum, so the fractional part of a bound is slack. */
export function roundBound(problem: Problem, bound: number): number {
  return problem.items.every((it) => Number.isInteger(it.weight)) ? Math.floor(bound + 1e-3) : bound;
}

function lockedWeight(problem: Problem): number {
  return problem.items.reduce((sum, item) => sum + (item.locked ? item.weight : 0), 0);
}

/**
 * Every meeting is counted at both of its participants, and nobody can do better than their
 * heaviest requests up to their capacity, so half the sum of those per-person bests bounds the total.
 */
export function combinatorialBound(problem: Problem): number {
  const capacity = remainingCapacity(problem);
  const weightsOf: number[][] = problem.participantIds.map(() => []);
  let all = 0;
  for (const i of problem.candidates) {
    const { a, b, weight } = problem.items[i];
    weightsOf[a].push(weight);
    weightsOf[b].push(weight);
    all += weight;
  }
  let perPerson = 0;
  weightsOf.forEach((weights, p) => {
    weights.sort((x, y) => y - x);
    for (let k = 0; k < Math.min(capacity[p], weights.length); k++) perPerson += weights[k];
  });
  return roundBound(problem, lockedWeight(problem) + Math.min(all, perPerson / 2));
}

/**
 * Above this many requests the MIP is not tried and the LP's bound stands. HiGHS does not check
 * its time limit everywhere: with tables for only half the requests, its MIP ran 1 s past a 3 s
 * limit at 20,000 requests and 23 s past it at 30,000, where the LP took under a second.
 */
const BOUND_MIP_MAX_CANDIDATES = 15_000;

/**
 * The scheduling problem with time relaxed away: choose requests so nobody exceeds their
 * capacity and the tables (summed over all slots) and shared booths suffice. It is a weighted
 * b-matching; HiGHS solves it as a MIP and its proven dual bound is a valid upper bound on any
 * schedule, even when the time limit stops it early. The incumbent doubles as a placement hint.
 */
export function solverBound(problem: Problem, highs: Highs, timeLimitSeconds: number): BoundResult | null {
  const { items, candidates, participantIds, slotCount: T, tableCap, boothIds, boothOf, available } = problem;
  const n = participantIds.length;
  if (candidates.length === 0) return { bound: lockedWeight(problem), method: 'mip-optimal' };
  const capacity = remainingCapacity(problem);

  const rows: number[][] = [];
  const rowUpper: number[] = [];
  const personRow = new Int32Array(n).fill(-1);
  for (const i of candidates) {
    for (const p of [items[i].a, items[i].b]) {
      if (personRow[p] < 0) {
        personRow[p] = rows.length;
        rows.push([]);
        rowUpper.push(Math.max(0, capacity[p]));
      }
      rows[personRow[p]].push(i);
    }
  }
  let tableSlots = 0;
  for (let t = 0; t < T; t++) tableSlots += tableCap[t];
  const lockedTables = items.filter((it) => it.locked && it.booth < 0).length;
  const tableItems = candidates.filter((i) => items[i].booth < 0);
  if (tableItems.length > tableSlots - lockedTables) {
    rows.push(tableItems);
    rowUpper.push(Math.max(0, tableSlots - lockedTables));
  }
  // A booth shared by several holders hosts one meeting per slot in total.
  const holders = new Int32Array(boothIds.length);
  for (let p = 0; p < n; p++) if (boothOf[p] >= 0) holders[boothOf[p]]++;
  boothIds.forEach((_, booth) => {
    if (holders[booth] < 2) return;
    let slots = 0;
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < n; p++) {
        if (boothOf[p] === booth && available[p * T + t]) {
          slots++;
          break;
        }
      }
    }
    const locked = items.filter((it) => it.locked && it.booth === booth).length;
    rows.push(candidates.filter((i) => items[i].booth === booth));
    rowUpper.push(Math.max(0, slots - locked));
  });

  const column = new Map<number, number>();
  candidates.forEach((item, c) => column.set(item, c));
  const starts = [0];
  const indices: number[] = [];
  for (const row of rows) {
    for (const item of row) indices.push(column.get(item)!);
    starts.push(indices.length);
  }
  const numCols = candidates.length;
  const data = {
    numCols,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: candidates.map((i) => items[i].weight),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: rows.map(() => -highs.infinity),
    rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: rows.length,
      numCols,
      starts,
      indices,
      values: indices.map(() => 1),
    },
  };
  const deadline = Date.now() + timeLimitSeconds * 1000;
  const base = lockedWeight(problem);
  const finish = (value: number) => roundBound(problem, base + value);

  // The LP relaxation is nearly integral for b-matching and an order of magnitude faster than the
  // MIP, so it comes first: its optimum is already a valid bound and a good selection.
  const lp = solve(highs, data, false, timeLimitSeconds);
  if (!lp) return null;
  let result: BoundResult = { bound: finish(lp.objective), method: 'lp', selection: toSelection(lp.values) };
  const fractional = lp.values.some((v) => v > 1e-6 && v < 1 - 1e-6);
  const left = (deadline - Date.now()) / 1000;
  if (fractional && left > 0.05 && candidates.length <= BOUND_MIP_MAX_CANDIDATES) {
    const mip = solve(highs, data, true, left);
    if (mip && finish(mip.bound) <= result.bound) {
      result = {
        bound: finish(mip.bound),
        method: mip.optimal ? 'mip-optimal' : 'mip-dual',
        selection: mip.values ? toSelection(mip.values) : result.selection,
      };
    }
  }
  return result;

  function toSelection(values: Float64Array): Uint8Array {
    const selection = new Uint8Array(items.length);
    candidates.forEach((item, c) => (selection[item] = values[c] > 0.5 ? 1 : 0));
    return selection;
  }
}

interface Solved {
  objective: number;
  /** Proven bound on the objective (equal to it for a solved LP). */
  bound: number;
  optimal: boolean;
  values: Float64Array;
}

function solve(highs: Highs, data: ModelData, integer: boolean, timeLimitSeconds: number): Solved | null {
  const model = highs.createModel(
    integer
      ? { ...data, integrality: new Int32Array(data.numCols).fill(highs.constants.variableType.integer) }
      : data,
  );
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, timeLimitSeconds),
      mip_rel_gap: 1e-6,
    });
    // Presolve gains the b-matching LP nothing, and on the row that counts every table meeting (as
    // dense as the event is large) it ran for minutes past the time limit at 60,000 requests.
    if (!integer) model.options.set({ solver: 'simplex', presolve: 'off' });
    model.run();
    const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
    const hasSolution =
      Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!integer) {
      // Only an optimal LP value bounds the integer optimum.
      if (!optimal) return null;
      const objective = model.getObjectiveValue();
      return { objective, bound: objective, optimal, values: model.getSolution().colValue };
    }
    const bound = optimal ? model.getObjectiveValue() : Number(model.info.get('mip_dual_bound'));
    if (!Number.isFinite(bound) || !hasSolution) return null;
    return { objective: model.getObjectiveValue(), bound, optimal, values: model.getSolution().colValue };
  } finally {
    model.dispose();
  }
}
