import type { Highs } from 'highs';
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
  return lockedWeight(problem) + Math.min(all, perPerson / 2);
}

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
  const model = highs.createModel({
    numCols,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: candidates.map((i) => items[i].weight),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: rows.map(() => -highs.infinity),
    rowUpper,
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values: indices.map(() => 1) },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-6 });
    model.run();
    const status = model.getModelStatus();
    const { modelStatus } = highs.constants;
    let bound = Number(model.info.get('mip_dual_bound'));
    if (status === modelStatus.optimal) bound = model.getObjectiveValue();
    if (!Number.isFinite(bound)) return null;
    let selection: Uint8Array | undefined;
    if (Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible) {
      const values = model.getSolution().colValue;
      selection = new Uint8Array(items.length);
      candidates.forEach((item, c) => (selection![item] = values[c] > 0.5 ? 1 : 0));
    }
    const integral = items.every((it) => Number.isInteger(it.weight));
    const total = lockedWeight(problem) + bound;
    // Integer weights give an integer optimum, so the fractional part of the bound is slack.
    return {
      bound: integral ? Math.floor(total + 1e-3) : total,
      method: status === modelStatus.optimal ? 'mip-optimal' : 'mip-dual',
      selection,
    };
  } finally {
    model.dispose();
  }
}
