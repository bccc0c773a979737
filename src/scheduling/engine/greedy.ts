import { Board } from './board';
import { Problem } from './problem';

/**
 * Candidates heaviest first. Among equal weights, requests with fewer slots both sides can make
 * go first: they have fewer ways to fit later. `preferred` (the solver's selection) outranks all.
 */
export function priorityOrder(problem: Problem, preferred?: Uint8Array): number[] {
  const { items, slotCount: T, available } = problem;
  const flexibility = new Map<number, number>();
  for (const i of problem.candidates) {
    const { a, b } = items[i];
    let common = 0;
    for (let t = 0; t < T; t++) if (available[a * T + t] && available[b * T + t]) common++;
    flexibility.set(i, common);
  }
  return [...problem.candidates].sort(
    (x, y) =>
      (preferred ? preferred[y] - preferred[x] : 0) ||
      items[y].weight - items[x].weight ||
      flexibility.get(x)! - flexibility.get(y)! ||
      x - y,
  );
}

/** The free slot for an item that adds the fewest idle gaps to both days (earliest on a tie). */
export function bestFreeSlot(board: Board, itemIndex: number): number {
  const { items, slotCount: T } = board.problem;
  const { a, b } = items[itemIndex];
  let best = -1;
  let bestScore = Infinity;
  for (let t = 0; t < T; t++) {
    if (!board.canPlace(itemIndex, t)) continue;
    const score = board.gapDelta(a, t) + board.gapDelta(b, t);
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** Places items in the given order wherever they still fit, never moving anything. */
export function greedyFill(board: Board, order: readonly number[]): void {
  for (const i of order) {
    if (board.isPlaced(i)) continue;
    const t = bestFreeSlot(board, i);
    if (t >= 0) board.place(i, t);
  }
}

/**
 * The baseline an organiser would get by hand: requests in the order they arrived, each in the
 * first slot where it fits.
 */
export function firstFitBoard(problem: Problem): Board {
  const board = new Board(problem);
  for (const i of problem.candidates) {
    for (let t = 0; t < problem.slotCount; t++) {
      if (board.canPlace(i, t)) {
        board.place(i, t);
        break;
      }
    }
  }
  return board;
}
