import { ScheduleInstance, UnscheduledCode } from './types';
import { InstanceError } from './validate-instance';

/**
 * One meeting the scheduler may place: a deduplicated request, or a locked meeting (which may also
 * fulfil a request). Participants and booths are referred to by index for speed.
 */
export interface Item {
  a: number;
  b: number;
  weight: number;
  /** Booth index when one side holds a booth, else -1 (the meeting needs a table). */
  booth: number;
  /** Index into instance.requests, or -1 for a locked meeting nobody requested. */
  request: number;
  locked: boolean;
  /** For locked items: global slot and table name. */
  lockedSlot: number;
  lockedTable: string;
}

export interface ExcludedRequest {
  request: number;
  code: UnscheduledCode;
  reason: string;
}

/**
 * The instance turned into flat arrays. Sessions are laid end to end on one global slot axis t,
 * so "a participant is in at most one meeting per slot" becomes one cell per (participant, t).
 */
export interface Problem {
  instance: ScheduleInstance;
  slotCount: number;
  slotSession: Int32Array;
  slotInSession: Int32Array;
  sessionStart: number[];
  tableNames: string[][];
  tableCap: Int32Array;
  participantIds: string[];
  maxMeetings: Int32Array;
  boothOf: Int32Array;
  boothIds: string[];
  /** available[p * slotCount + t] = 1 when p attends t's session and is not marked unavailable. */
  available: Uint8Array;
  items: Item[];
  /** Items the scheduler is free to place (every non-locked item). */
  candidates: number[];
  excluded: ExcludedRequest[];
}

export function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

export function compileProblem(instance: ScheduleInstance): Problem {
  const sessionIndex = new Map<string, number>();
  const sessionStart: number[] = [];
  const tableNames: string[][] = [];
  let slotCount = 0;
  instance.sessions.forEach((s, i) => {
    sessionIndex.set(s.id, i);
    sessionStart.push(slotCount);
    slotCount += s.slots;
    tableNames.push(
      typeof s.tables === 'number'
        ? Array.from({ length: s.tables }, (_, k) => String(k + 1))
        : [...s.tables],
    );
  });
  const slotSession = new Int32Array(slotCount);
  const slotInSession = new Int32Array(slotCount);
  const tableCap = new Int32Array(slotCount);
  instance.sessions.forEach((s, i) => {
    for (let k = 0; k < s.slots; k++) {
      const t = sessionStart[i] + k;
      slotSession[t] = i;
      slotInSession[t] = k;
      tableCap[t] = tableNames[i].length;
    }
  });

  const n = instance.participants.length;
  const participantIndex = new Map<string, number>();
  const participantIds: string[] = [];
  const maxMeetings = new Int32Array(n);
  const boothOf = new Int32Array(n).fill(-1);
  const boothIds: string[] = [];
  const boothIndex = new Map<string, number>();
  const available = new Uint8Array(n * slotCount);
  instance.participants.forEach((p, i) => {
    participantIndex.set(p.id, i);
    participantIds.push(p.id);
    maxMeetings[i] = p.maxMeetings;
    if (p.booth !== undefined) {
      let booth = boothIndex.get(p.booth);
      if (booth === undefined) {
        booth = boothIds.length;
        boothIndex.set(p.booth, booth);
        boothIds.push(p.booth);
      }
      boothOf[i] = booth;
    }
    for (const sessionId of p.sessions) {
      const s = sessionIndex.get(sessionId)!;
      for (let k = 0; k < instance.sessions[s].slots; k++) available[i * slotCount + sessionStart[s] + k] = 1;
    }
    for (const u of p.unavailable ?? []) {
      available[i * slotCount + sessionStart[sessionIndex.get(u.session)!] + u.slot] = 0;
    }
  });

  const items: Item[] = [];
  const lockedByPair = new Map<number, number>();
  compileLocked(instance, {
    sessionIndex,
    sessionStart,
    tableNames,
    slotCount,
    participantIndex,
    boothOf,
    boothIds,
    maxMeetings,
    available,
    items,
    lockedByPair,
  });

  const excluded: ExcludedRequest[] = [];
  const candidates: number[] = [];
  // Keep the heaviest request of each pair (the first one on a tie); the others are duplicates.
  const keptByPair = new Map<number, number>();
  instance.requests.forEach((r, i) => {
    const a = participantIndex.get(r.a)!;
    const b = participantIndex.get(r.b)!;
    if (a === b) return;
    const key = pairKey(a, b, n);
    const kept = keptByPair.get(key);
    if (kept === undefined || (instance.requests[kept].weight ?? 1) < (r.weight ?? 1)) keptByPair.set(key, i);
  });

  instance.requests.forEach((r, i) => {
    const a = participantIndex.get(r.a)!;
    const b = participantIndex.get(r.b)!;
    const weight = r.weight ?? 1;
    if (a === b) {
      excluded.push({ request: i, code: 'SELF_REQUEST', reason: `${r.a} cannot meet themselves` });
      return;
    }
    const key = pairKey(a, b, n);
    const kept = keptByPair.get(key)!;
    if (kept !== i) {
      const other = instance.requests[kept];
      excluded.push({
        request: i,
        code: 'DUPLICATE_REQUEST',
        reason: `duplicate request: ${r.a} and ${r.b} are already requested${other.id ? ` (${other.id})` : ''}`,
      });
      return;
    }
    const lockedItem = lockedByPair.get(key);
    if (lockedItem !== undefined) {
      // The published meeting already fulfils this request.
      items[lockedItem].request = i;
      items[lockedItem].weight = weight;
      return;
    }
    if (boothOf[a] >= 0 && boothOf[b] >= 0) {
      excluded.push({
        request: i,
        code: 'BOTH_BOOTH_HOLDERS',
        reason: `both are booth holders (${r.a} at ${boothIds[boothOf[a]]}, ${r.b} at ${boothIds[boothOf[b]]})`,
      });
      return;
    }
    // Where every session is at booths, a pair without an exhibitor has nowhere to sit.
    if (boothOf[a] < 0 && boothOf[b] < 0 && !tableCap.some((tables) => tables > 0)) {
      excluded.push({
        request: i,
        code: 'NO_BOOTH_NO_TABLES',
        reason: `neither ${r.a} nor ${r.b} holds a booth, and no session has tables`,
      });
      return;
    }
    const common = commonAvailability(available, slotCount, slotSession, a, b);
    if (common === 'none') {
      excluded.push({
        request: i,
        code: 'NO_COMMON_SESSION',
        reason: `no common session: ${r.a} and ${r.b} attend different sessions`,
      });
      return;
    }
    if (common === 'session-only') {
      excluded.push({
        request: i,
        code: 'NO_COMMON_SLOT',
        reason: `no common slot: ${r.a} and ${r.b} share a session but are never available at the same time`,
      });
      return;
    }
    candidates.push(items.length);
    items.push({
      a,
      b,
      weight,
      booth: boothOf[a] >= 0 ? boothOf[a] : boothOf[b],
      request: i,
      locked: false,
      lockedSlot: -1,
      lockedTable: '',
    });
  });

  return {
    instance,
    slotCount,
    slotSession,
    slotInSession,
    sessionStart,
    tableNames,
    tableCap,
    participantIds,
    maxMeetings,
    boothOf,
    boothIds,
    available,
    items,
    candidates,
    excluded,
  };
}

function commonAvailability(
  available: Uint8Array,
  slotCount: number,
  slotSession: Int32Array,
  a: number,
  b: number,
): 'slot' | 'session-only' | 'none' {
  const sharedSession = new Set<number>();
  const attendsA = new Set<number>();
  for (let t = 0; t < slotCount; t++) {
    if (available[a * slotCount + t] && available[b * slotCount + t]) return 'slot';
    if (available[a * slotCount + t]) attendsA.add(slotSession[t]);
  }
  for (let t = 0; t < slotCount; t++) {
    if (available[b * slotCount + t] && attendsA.has(slotSession[t])) sharedSession.add(slotSession[t]);
  }
  return sharedSession.size > 0 ? 'session-only' : 'none';
}

interface LockedContext {
  sessionIndex: Map<string, number>;
  sessionStart: number[];
  tableNames: string[][];
  slotCount: number;
  participantIndex: Map<string, number>;
  boothOf: Int32Array;
  boothIds: string[];
  maxMeetings: Int32Array;
  available: Uint8Array;
  items: Item[];
  lockedByPair: Map<number, number>;
}

/**
 * Locked meetings were published to participants, so an inconsistent set cannot be repaired by
 * moving one: it is reported as bad input instead.
 */
function compileLocked(instance: ScheduleInstance, ctx: LockedContext): void {
  const n = instance.participants.length;
  const personAt = new Set<number>();
  const tableAt = new Set<string>();
  const boothAt = new Set<number>();
  const count = new Int32Array(n);
  (instance.locked ?? []).forEach((l, i) => {
    const path = `locked[${i}]`;
    const a = ctx.participantIndex.get(l.a)!;
    const b = ctx.participantIndex.get(l.b)!;
    const s = ctx.sessionIndex.get(l.session)!;
    const t = ctx.sessionStart[s] + l.slot;
    const where = `${l.session} slot ${l.slot}`;
    if (ctx.boothOf[a] >= 0 && ctx.boothOf[b] >= 0)
      throw new InstanceError(`${path}: both are booth holders`);
    const booth = ctx.boothOf[a] >= 0 ? ctx.boothOf[a] : ctx.boothOf[b];
    if (booth >= 0 && l.table !== ctx.boothIds[booth]) {
      throw new InstanceError(`${path}.table: must be booth "${ctx.boothIds[booth]}" (got "${l.table}")`);
    }
    if (booth < 0 && !ctx.tableNames[s].includes(l.table)) {
      throw new InstanceError(`${path}.table: session "${l.session}" has no table "${l.table}"`);
    }
    for (const [p, id] of [
      [a, l.a],
      [b, l.b],
    ] as const) {
      if (!ctx.available[p * ctx.slotCount + t])
        throw new InstanceError(`${path}: ${id} is not available at ${where}`);
      if (personAt.has(p * ctx.slotCount + t))
        throw new InstanceError(`${path}: ${id} has two meetings at ${where}`);
      personAt.add(p * ctx.slotCount + t);
      count[p]++;
      if (count[p] > ctx.maxMeetings[p]) {
        throw new InstanceError(
          `${path}: ${id} has more locked meetings than maxMeetings (${ctx.maxMeetings[p]})`,
        );
      }
    }
    if (booth >= 0) {
      if (boothAt.has(booth * ctx.slotCount + t))
        throw new InstanceError(`${path}: booth ${l.table} is taken at ${where}`);
      boothAt.add(booth * ctx.slotCount + t);
    } else {
      const key = `${t}\u0000${l.table}`;
      if (tableAt.has(key)) throw new InstanceError(`${path}: table ${l.table} is taken at ${where}`);
      tableAt.add(key);
    }
    const key = pairKey(a, b, n);
    if (ctx.lockedByPair.has(key))
      throw new InstanceError(`${path}: ${l.a} and ${l.b} already have a locked meeting`);
    ctx.lockedByPair.set(key, ctx.items.length);
    ctx.items.push({
      a,
      b,
      weight: 0,
      booth,
      request: -1,
      locked: true,
      lockedSlot: t,
      lockedTable: l.table,
    });
  });
}
