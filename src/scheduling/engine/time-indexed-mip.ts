import type { Highs } from 'highs';
import { Board } from './board';
import { Problem } from './problem';

/** Above this many (request, slot) columns the exact model is too slow to be worth trying. */
export const TIME_INDEXED_MAX_COLUMNS = 40_000;

export interface TimeIndexedResult {
  /** Slot per item for the best schedule found (-1 = not placed); locked items at their slot. */
  slotOf: Int32Array;
  weight: number;
  /** Proven upper bound on any schedule's weight. */
  bound: number;
  optimal: boolean;
}

interface Column {
  item: number;
  t: number;
}

/** The (request, slot) pairs both sides can make around the locked meetings; null when too many. */
function columnsOf(problem: Problem, lockedOnly: Board): Column[] | null {
  const { items, candidates, slotCount: T, available } = problem;
  const columns: Column[] = [];
  const free = (p: number, t: number) => available[p * T + t] && lockedOnly.busy[p * T + t] < 0;
  for (const i of candidates) {
    const { a, b } = items[i];
    for (let t = 0; t < T; t++) if (free(a, t) && free(b, t)) columns.push({ item: i, t });
    if (columns.length > TIME_INDEXED_MAX_COLUMNS) return null;
  }
  return columns;
}

/**
 * The whole problem as a MIP with one 0/1 variable per (request, slot): every rule is a row, so
 * its optimum is the true optimum. Only affordable for small events, where it closes the last few
 * points the heuristics leave. `start` (a heuristic schedule) seeds the search with an incumbent.
 */
export function solveTimeIndexed(
  problem: Problem,
  highs: Highs,
  start: Board,
  timeLimitSeconds: number,
): TimeIndexedResult | null {
  const { items, slotCount: T, maxMeetings, tableCap } = problem;
  const lockedOnly = new Board(problem);
  const columns = columnsOf(problem, lockedOnly);
  if (!columns || columns.length === 0) return null;

  let lockedWeight = 0;
  for (const item of items) if (item.locked) lockedWeight += item.weight;
  const rows = new Map<string, { upper: number; cols: number[] }>();
  const addTo = (key: string, upper: number, col: number) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { upper, cols: [] }));
    row.cols.push(col);
  };
  columns.forEach(({ item, t }, col) => {
    const { a, b, booth } = items[item];
    addTo(`once ${item}`, 1, col);
    for (const p of [a, b]) {
      addTo(`slot ${p} ${t}`, 1, col);
      addTo(`max ${p}`, maxMeetings[p] - lockedOnly.meetingCount[p], col);
    }
    if (booth >= 0) addTo(`booth ${booth} ${t}`, lockedOnly.boothBusy[booth * T + t] < 0 ? 1 : 0, col);
    else addTo(`tables ${t}`, tableCap[t] - lockedOnly.tablesUsed[t], col);
  });

  const rowList = [...rows.values()];
  const starts = [0];
  const indices: number[] = [];
  for (const row of rowList) {
    for (const col of row.cols) indices.push(col);
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: columns.length,
    numRows: rowList.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: columns.map(({ item }) => items[item].weight),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(1),
    rowLower: rowList.map(() => -highs.infinity),
    rowUpper: rowList.map((r) => r.upper),
    matrix: {
      format: 'csr',
      numRows: rowList.length,
      numCols: columns.length,
      starts,
      indices,
      values: indices.map(() => 1),
    },
    integrality: new Int32Array(columns.length).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.01, timeLimitSeconds), mip_rel_gap: 0 });
    model.setSolution({ colValue: columns.map(({ item, t }) => (start.slotOf[item] === t ? 1 : 0)) });
    model.run();
    const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
    const hasSolution =
      Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const bound = optimal ? model.getObjectiveValue() : Number(model.info.get('mip_dual_bound'));
    if (!hasSolution || !Number.isFinite(bound)) return null;
    const values = model.getSolution().colValue;
    const slotOf = new Int32Array(items.length).fill(-1);
    let weight = lockedWeight;
    items.forEach((item, i) => {
      if (item.locked) slotOf[i] = item.lockedSlot;
    });
    columns.forEach(({ item, t }, col) => {
      if (values[col] > 0.5) {
        slotOf[item] = t;
        weight += items[item].weight;
      }
    });
    return { slotOf, weight, bound: lockedWeight + bound, optimal };
  } finally {
    model.dispose();
  }
}
