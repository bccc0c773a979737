import { Problem } from './problem';

export const FREE = -1;

/**
 * The mutable state of a schedule under construction: who is busy when, which tables and booths
 * are taken. Every change goes through place/remove so it can be journaled and rolled back, which
 * lets the local search try a chain of moves and undo it when the chain does not pay off.
 */
export class Board {
  readonly slotOf: Int32Array;
  /** busy[p * T + t] = item index or FREE. */
  readonly busy: Int32Array;
  readonly meetingCount: Int32Array;
  readonly tablesUsed: Int32Array;
  /** boothBusy[booth * T + t] = item index or FREE. */
  readonly boothBusy: Int32Array;
  /** Table items per slot, for finding one to move when the tables are full. */
  readonly tableItems: number[][];
  private readonly positionInSlot: Int32Array;
  private journal: number[] = [];
  private journaling = false;
  weight = 0;
  placedCount = 0;

  constructor(readonly problem: Problem) {
    const T = problem.slotCount;
    const n = problem.participantIds.length;
    this.slotOf = new Int32Array(problem.items.length).fill(FREE);
    this.busy = new Int32Array(n * T).fill(FREE);
    this.meetingCount = new Int32Array(n);
    this.tablesUsed = new Int32Array(T);
    this.boothBusy = new Int32Array(problem.boothIds.length * T).fill(FREE);
    this.tableItems = Array.from({ length: T }, () => []);
    this.positionInSlot = new Int32Array(problem.items.length).fill(FREE);
    problem.items.forEach((item, i) => {
      if (item.locked) this.place(i, item.lockedSlot);
    });
  }

  isPlaced(item: number): boolean {
    return this.slotOf[item] !== FREE;
  }

  /** Whether both sides could meet at t without touching anything already placed. */
  canPlace(itemIndex: number, t: number): boolean {
    const { items, slotCount: T, available, maxMeetings } = this.problem;
    const item = items[itemIndex];
    const ca = item.a * T + t;
    const cb = item.b * T + t;
    if (!available[ca] || !available[cb] || this.busy[ca] !== FREE || this.busy[cb] !== FREE) return false;
    if (
      this.meetingCount[item.a] >= maxMeetings[item.a] ||
      this.meetingCount[item.b] >= maxMeetings[item.b]
    ) {
      return false;
    }
    return this.resourceFree(item.booth, t);
  }

  /** canPlace for an item that is already placed elsewhere and would move to t. */
  canMove(itemIndex: number, t: number): boolean {
    const { items, slotCount: T, available } = this.problem;
    const item = items[itemIndex];
    const ca = item.a * T + t;
    const cb = item.b * T + t;
    if (!available[ca] || !available[cb] || this.busy[ca] !== FREE || this.busy[cb] !== FREE) return false;
    return this.resourceFree(item.booth, t);
  }

  resourceFree(booth: number, t: number): boolean {
    if (booth >= 0) return this.boothBusy[booth * this.problem.slotCount + t] === FREE;
    return this.tablesUsed[t] < this.problem.tableCap[t];
  }

  place(itemIndex: number, t: number): void {
    const T = this.problem.slotCount;
    const item = this.problem.items[itemIndex];
    this.slotOf[itemIndex] = t;
    this.busy[item.a * T + t] = itemIndex;
    this.busy[item.b * T + t] = itemIndex;
    this.meetingCount[item.a]++;
    this.meetingCount[item.b]++;
    if (item.booth >= 0) {
      this.boothBusy[item.booth * T + t] = itemIndex;
    } else {
      this.tablesUsed[t]++;
      this.positionInSlot[itemIndex] = this.tableItems[t].length;
      this.tableItems[t].push(itemIndex);
    }
    this.weight += item.weight;
    this.placedCount++;
    if (this.journaling) this.journal.push(itemIndex, t);
  }

  remove(itemIndex: number): void {
    const T = this.problem.slotCount;
    const item = this.problem.items[itemIndex];
    const t = this.slotOf[itemIndex];
    this.slotOf[itemIndex] = FREE;
    this.busy[item.a * T + t] = FREE;
    this.busy[item.b * T + t] = FREE;
    this.meetingCount[item.a]--;
    this.meetingCount[item.b]--;
    if (item.booth >= 0) {
      this.boothBusy[item.booth * T + t] = FREE;
    } else {
      this.tablesUsed[t]--;
      const list = this.tableItems[t];
      const position = this.positionInSlot[itemIndex];
      const last = list.pop()!;
      if (last !== itemIndex) {
        list[position] = last;
        this.positionInSlot[last] = position;
      }
      this.positionInSlot[itemIndex] = FREE;
    }
    this.weight -= item.weight;
    this.placedCount--;
    // A removal is journaled as the bitwise complement of the item so undo can tell it apart.
    if (this.journaling) this.journal.push(~itemIndex, t);
  }

  move(itemIndex: number, t: number): void {
    this.remove(itemIndex);
    this.place(itemIndex, t);
  }

  /** Start recording changes; returns a mark to roll back to. */
  begin(): number {
    this.journaling = true;
    return this.journal.length;
  }

  rollback(mark: number): void {
    this.journaling = false;
    for (let k = this.journal.length - 2; k >= mark; k -= 2) {
      const entry = this.journal[k];
      if (entry >= 0) this.remove(entry);
      else this.place(~entry, this.journal[k + 1]);
    }
    this.journal.length = mark;
    this.journaling = mark > 0;
  }

  commit(): void {
    this.journal = [];
    this.journaling = false;
  }

  /** Meetings of p in t's session, as [first, last] session-slot, or null when none. */
  sessionSpan(p: number, t: number): [number, number] | null {
    const { slotCount: T, slotSession, sessionStart, instance } = this.problem;
    const s = slotSession[t];
    const start = sessionStart[s];
    const end = start + instance.sessions[s].slots;
    let first = -1;
    let last = -1;
    for (let u = start; u < end; u++) {
      if (this.busy[p * T + u] !== FREE) {
        if (first < 0) first = u;
        last = u;
      }
    }
    return first < 0 ? null : [first, last];
  }

  /** Idle slots that putting p in a meeting at t adds (negative when it fills a hole). */
  gapDelta(p: number, t: number): number {
    const span = this.sessionSpan(p, t);
    if (!span) return 0;
    const [first, last] = span;
    if (t < first) return first - t - 1;
    if (t > last) return t - last - 1;
    return -1;
  }
}
