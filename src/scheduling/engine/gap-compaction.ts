import { Board } from './board';

const FREE = -1;

/** Idle slots inside p's day in session s: available, unused, and between their first and last meeting. */
export function idleSlots(board: Board, p: number, s: number): number {
  const { slotCount: T, sessionStart, instance, available } = board.problem;
  const start = sessionStart[s];
  const end = start + instance.sessions[s].slots;
  let first = -1;
  let last = -1;
  for (let u = start; u < end; u++) {
    if (board.busy[p * T + u] !== FREE) {
      if (first < 0) first = u;
      last = u;
    }
  }
  if (first < 0) return 0;
  let idle = 0;
  for (let u = first; u <= last; u++) if (available[p * T + u] && board.busy[p * T + u] === FREE) idle++;
  return idle;
}

export function totalIdleSlots(board: Board): number {
  const n = board.problem.participantIds.length;
  let total = 0;
  for (let p = 0; p < n; p++) {
    for (let s = 0; s < board.problem.instance.sessions.length; s++) total += idleSlots(board, p, s);
  }
  return total;
}

/**
 * Second aim after weight: fewer idle gaps. Moves or swaps meetings between slots while that lowers
 * the idle slots of the people involved; weight never changes because nothing is added or dropped.
 */
export function compactGaps(board: Board, deadline: number, maxPasses = 20): void {
  const { items, slotCount: T, slotSession } = board.problem;
  const placed = () => items.map((_, i) => i).filter((i) => board.isPlaced(i) && !items[i].locked);

  const idleOf = (people: number[], sessions: number[]) => {
    let sum = 0;
    for (const p of people) for (const s of sessions) sum += idleSlots(board, p, s);
    return sum;
  };

  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const m of placed()) {
      if (Date.now() > deadline) return;
      const { a, b } = items[m];
      const from = board.slotOf[m];
      for (let u = 0; u < T; u++) {
        if (u === from) continue;
        const sessions =
          slotSession[u] === slotSession[from] ? [slotSession[from]] : [slotSession[from], slotSession[u]];
        if (board.canMove(m, u)) {
          const before = idleOf([a, b], sessions);
          board.move(m, u);
          if (idleOf([a, b], sessions) < before) {
            improved = true;
            break;
          }
          board.move(m, from);
          continue;
        }
        if (slotSession[u] === slotSession[from] && trySwap(board, m, u, idleOf)) {
          improved = true;
          break;
        }
      }
    }
    if (!improved) return;
  }
}

/**
 * Exchanges m's slot with that of the meeting one of m's participants has at u, when both fit
 * and the four people's days get more compact.
 */
function trySwap(
  board: Board,
  m: number,
  u: number,
  idleOf: (people: number[], sessions: number[]) => number,
): boolean {
  const { items, slotCount: T, slotSession } = board.problem;
  const from = board.slotOf[m];
  const { a, b } = items[m];
  const others = new Set<number>();
  for (const p of [a, b]) {
    const o = board.busy[p * T + u];
    if (o !== FREE) others.add(o);
  }
  if (others.size !== 1) return false;
  const o = [...others][0];
  if (items[o].locked) return false;
  const people = [...new Set([a, b, items[o].a, items[o].b])];
  const sessions = [slotSession[from]];
  const before = idleOf(people, sessions);
  board.remove(m);
  board.remove(o);
  if (board.canMove(m, u) && board.canMove(o, from)) {
    board.place(m, u);
    board.place(o, from);
    if (idleOf(people, sessions) < before) return true;
    board.remove(m);
    board.remove(o);
  }
  board.place(m, from);
  board.place(o, u);
  return false;
}
