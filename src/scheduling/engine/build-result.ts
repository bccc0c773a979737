import { Board, FREE } from './board';
import { totalIdleSlots } from './gap-compaction';
import { ScheduledMeeting, ScheduleStats, UnscheduledRequest } from './types';

/**
 * Why a request that could have been met was left out, in the words an organiser would use.
 * Being full is the usual story, so it is named first — but only when the cap is what stops them:
 * someone with meetings in every slot they attend has no free slot, whatever maxMeetings says (it
 * is the number of slots when the organiser set no cap).
 */
function explain(
  board: Board,
  itemIndex: number,
): Pick<UnscheduledRequest, 'code' | 'reason' | 'participant'> {
  const { items, participantIds, maxMeetings, boothIds } = board.problem;
  const item = items[itemIndex];
  for (const p of [item.a, item.b]) {
    if (board.meetingCount[p] >= maxMeetings[p] && hasFreeSlot(board, p)) {
      return {
        code: 'MAX_MEETINGS_REACHED',
        reason: `participant ${participantIds[p]} reached maxMeetings (${maxMeetings[p]})`,
        participant: participantIds[p],
      };
    }
  }
  const place = item.booth >= 0 ? `booth ${boothIds[item.booth]} is free` : 'a table is available';
  return { code: 'NO_FREE_SLOT', reason: `no slot where both are free and ${place}` };
}

/** Whether p attends some slot in which they have no meeting. */
function hasFreeSlot(board: Board, p: number): boolean {
  const { slotCount: T, available } = board.problem;
  for (let t = 0; t < T; t++) if (available[p * T + t] && board.busy[p * T + t] === FREE) return true;
  return false;
}

/** Table names per slot: locked meetings keep theirs, the rest take the free names in order. */
function assignTables(board: Board): Map<number, string> {
  const { items, tableNames, slotSession, boothIds, slotCount: T } = board.problem;
  const tableOf = new Map<number, string>();
  for (let t = 0; t < T; t++) {
    const names = tableNames[slotSession[t]];
    const taken = new Set<string>();
    const atSlot = [...board.tableItems[t]].sort((x, y) => x - y);
    for (const i of atSlot) {
      if (items[i].locked) {
        tableOf.set(i, items[i].lockedTable);
        taken.add(items[i].lockedTable);
      }
    }
    let next = 0;
    for (const i of atSlot) {
      if (items[i].locked) continue;
      while (taken.has(names[next])) next++;
      tableOf.set(i, names[next]);
      taken.add(names[next]);
    }
  }
  items.forEach((item, i) => {
    if (item.booth >= 0 && board.isPlaced(i)) tableOf.set(i, boothIds[item.booth]);
  });
  return tableOf;
}

export function buildResult(
  board: Board,
  upperBound: number,
  boundMethod: ScheduleStats['boundMethod'],
  startedAt: number,
) {
  const { items, participantIds, instance, slotSession, slotInSession, excluded } = board.problem;
  const tableOf = assignTables(board);
  const meetings: ScheduledMeeting[] = [];
  const order = items
    .map((_, i) => i)
    .filter((i) => board.isPlaced(i))
    .sort((x, y) => board.slotOf[x] - board.slotOf[y] || x - y);
  for (const i of order) {
    const item = items[i];
    const t = board.slotOf[i];
    const request = item.request >= 0 ? instance.requests[item.request] : undefined;
    const meeting: ScheduledMeeting = {
      a: request?.a ?? participantIds[item.a],
      b: request?.b ?? participantIds[item.b],
      session: instance.sessions[slotSession[t]].id,
      slot: slotInSession[t],
      table: tableOf.get(i)!,
      weight: item.weight,
    };
    if (request?.id !== undefined) meeting.requestId = request.id;
    if (item.locked) meeting.locked = true;
    meetings.push(meeting);
  }

  const unscheduledByRequest = new Map<number, UnscheduledRequest>();
  const entry = (requestIndex: number) => {
    const r = instance.requests[requestIndex];
    const base: UnscheduledRequest = {
      a: r.a,
      b: r.b,
      weight: r.weight ?? 1,
      code: 'NO_FREE_SLOT',
      reason: '',
    };
    if (r.id !== undefined) base.requestId = r.id;
    return base;
  };
  for (const e of excluded) {
    unscheduledByRequest.set(e.request, { ...entry(e.request), code: e.code, reason: e.reason });
  }
  for (const i of board.problem.candidates) {
    if (board.isPlaced(i)) continue;
    unscheduledByRequest.set(items[i].request, { ...entry(items[i].request), ...explain(board, i) });
  }
  const unscheduled = [...unscheduledByRequest.entries()].sort((x, y) => x[0] - y[0]).map(([, u]) => u);

  const scheduledWeight = board.weight;
  return {
    meetings,
    unscheduled,
    // The heuristic can never beat a valid bound; max() only absorbs floating-point noise.
    upperBound: Math.max(upperBound, scheduledWeight),
    scheduledWeight,
    stats: {
      idleGaps: totalIdleSlots(board),
      boundMethod,
      optimal: scheduledWeight >= upperBound - 1e-9,
      elapsedMs: Date.now() - startedAt,
    },
  };
}
