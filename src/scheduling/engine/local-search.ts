import { Board } from './board';
import { createRng } from './rng';

const FREE = -1;
const EPSILON = 1e-9;
/** How many meetings at a full slot we try to move elsewhere before giving up on that slot. */
const TABLE_MOVE_TRIES = 12;

export interface LocalSearchOptions {
  deadline: number;
  seed: number;
  maxPasses?: number;
  onPass?: (pass: number, weight: number) => void;
}

/**
 * Improves a schedule by inserting unplaced requests at a slot, first moving the meetings in the
 * way to another slot and, when that is impossible, dropping lighter meetings — accepted only
 * when the total weight strictly rises (so it always terminates). Dropped meetings get their own
 * chance on the next pass, which chains the moves together.
 */
export class LocalSearch {
  private readonly T: number;
  private cost = 0;
  private dropped: number[] = [];

  constructor(private readonly board: Board) {
    this.T = board.problem.slotCount;
  }

  run(options: LocalSearchOptions): number {
    const { items, candidates } = this.board.problem;
    const rng = createRng(options.seed);
    const maxPasses = options.maxPasses ?? 50;
    let pass = 0;
    for (; pass < maxPasses; pass++) {
      const jitter = new Map<number, number>();
      const unplaced = candidates.filter((i) => !this.board.isPlaced(i));
      // Heaviest first; later passes shuffle ties so a different order can unblock a pair.
      for (const i of unplaced) jitter.set(i, pass === 0 ? i : rng());
      unplaced.sort((x, y) => items[y].weight - items[x].weight || jitter.get(x)! - jitter.get(y)!);
      let improved = false;
      for (const i of unplaced) {
        if (Date.now() > options.deadline) return pass;
        if (!this.board.isPlaced(i) && this.tryInsert(i)) improved = true;
      }
      options.onPass?.(pass, this.board.weight);
      if (!improved) break;
    }
    return pass;
  }

  /** Inserts the item at its best slot if that raises the total weight; reports success. */
  tryInsert(itemIndex: number): boolean {
    const board = this.board;
    const item = board.problem.items[itemIndex];
    const { available } = board.problem;
    let bestSlot = -1;
    let bestGain = -Infinity;
    let bestGaps = Infinity;
    for (let t = 0; t < this.T; t++) {
      if (!available[item.a * this.T + t] || !available[item.b * this.T + t]) continue;
      const gaps = board.gapDelta(item.a, t) + board.gapDelta(item.b, t);
      const mark = board.begin();
      const ok = this.attemptAt(itemIndex, t);
      const gain = item.weight - this.cost;
      const dropsNothing = this.dropped.length === 0;
      board.rollback(mark);
      if (!ok) continue;
      // A zero gain is only worth it when nothing is dropped (a weight-0 request still gets a slot).
      const acceptable = gain > EPSILON || (dropsNothing && gain > -EPSILON);
      if (!acceptable) continue;
      if (gain > bestGain + EPSILON || (Math.abs(gain - bestGain) <= EPSILON && gaps < bestGaps)) {
        bestGain = gain;
        bestGaps = gaps;
        bestSlot = t;
      }
    }
    if (bestSlot < 0) return false;
    board.commit();
    return this.attemptAt(itemIndex, bestSlot);
  }

  /** Makes room for the item at t and places it; `cost` is then the weight dropped on the way. */
  private attemptAt(itemIndex: number, t: number): boolean {
    const board = this.board;
    const { items, maxMeetings } = board.problem;
    const item = items[itemIndex];
    this.cost = 0;
    this.dropped = [];
    for (const p of [item.a, item.b]) {
      const other = board.busy[p * this.T + t];
      if (other !== FREE && !this.moveOrDrop(other)) return false;
    }
    if (!board.resourceFree(item.booth, t) && !this.freeResource(item.booth, t)) return false;
    for (const p of [item.a, item.b]) {
      if (board.meetingCount[p] >= maxMeetings[p] && !this.dropLightest(p)) return false;
    }
    if (!board.canPlace(itemIndex, t)) return false;
    board.place(itemIndex, t);
    return true;
  }

  private freeResource(booth: number, t: number): boolean {
    const board = this.board;
    const { items } = board.problem;
    if (booth >= 0) return this.moveOrDrop(board.boothBusy[booth * this.T + t]);
    const atSlot = board.tableItems[t];
    const tries = Math.min(TABLE_MOVE_TRIES, atSlot.length);
    for (let k = 0; k < tries; k++) {
      const m = atSlot[k];
      if (!items[m].locked && this.moveElsewhere(m)) return true;
    }
    let lightest = -1;
    for (const m of atSlot) {
      if (!items[m].locked && (lightest < 0 || items[m].weight < items[lightest].weight)) lightest = m;
    }
    if (lightest < 0) return false;
    this.drop(lightest);
    return true;
  }

  private moveOrDrop(m: number): boolean {
    if (this.board.problem.items[m].locked) return false;
    if (!this.moveElsewhere(m)) this.drop(m);
    return true;
  }

  private moveElsewhere(m: number): boolean {
    const board = this.board;
    const { items } = board.problem;
    const { a, b } = items[m];
    let best = -1;
    let bestGaps = Infinity;
    for (let u = 0; u < this.T; u++) {
      if (!board.canMove(m, u)) continue;
      const gaps = board.gapDelta(a, u) + board.gapDelta(b, u);
      if (gaps < bestGaps) {
        bestGaps = gaps;
        best = u;
      }
    }
    if (best < 0) return false;
    board.move(m, best);
    return true;
  }

  private dropLightest(p: number): boolean {
    const board = this.board;
    const { items } = board.problem;
    let lightest = -1;
    for (let u = 0; u < this.T; u++) {
      const m = board.busy[p * this.T + u];
      if (m !== FREE && !items[m].locked && (lightest < 0 || items[m].weight < items[lightest].weight)) {
        lightest = m;
      }
    }
    if (lightest < 0) return false;
    this.drop(lightest);
    return true;
  }

  private drop(m: number): void {
    this.cost += this.board.problem.items[m].weight;
    this.dropped.push(m);
    this.board.remove(m);
  }
}
