import {
  LockedMeetingInput,
  MeetingRequestInput,
  ParticipantInput,
  ScheduleInstance,
  SessionInput,
  SlotRef,
} from './types';

/** Bad input: the message is one line that names the offending field. */
export class InstanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, problem: string): never {
  throw new InstanceError(`${path}: ${problem}`);
}

function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function requireId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'must be a non-empty string');
  return value;
}

function requireCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'must be an integer');
  if (value < 0) fail(path, `must not be negative (got ${value})`);
  return value;
}

function parseSession(raw: unknown, path: string): SessionInput {
  if (!isObject(raw)) fail(path, 'must be an object');
  const id = requireId(raw.id, `${path}.id`);
  const slots = requireCount(raw.slots, `${path}.slots`);
  let tables: number | string[];
  if (Array.isArray(raw.tables)) {
    tables = raw.tables.map((name, i) => requireId(name, `${path}.tables[${i}]`));
    const seen = new Set<string>();
    for (const name of tables) {
      if (seen.has(name)) fail(`${path}.tables`, `table "${name}" is listed twice`);
      seen.add(name);
    }
  } else {
    tables = requireCount(raw.tables, `${path}.tables`);
  }
  return { id, slots, tables };
}

function parseSlotRef(raw: unknown, path: string, sessions: Map<string, SessionInput>): SlotRef {
  if (!isObject(raw)) fail(path, 'must be an object');
  const sessionId = requireId(raw.session, `${path}.session`);
  const session = sessions.get(sessionId) ?? fail(`${path}.session`, `unknown session "${sessionId}"`);
  const slot = requireCount(raw.slot, `${path}.slot`);
  if (slot >= session.slots) fail(`${path}.slot`, `session "${sessionId}" has slots 0..${session.slots - 1}`);
  return { session: sessionId, slot };
}

function parseParticipant(raw: unknown, path: string, sessions: Map<string, SessionInput>): ParticipantInput {
  if (!isObject(raw)) fail(path, 'must be an object');
  const id = requireId(raw.id, `${path}.id`);
  const attended = requireArray(raw.sessions, `${path}.sessions`).map((s, i) => {
    const sessionId = requireId(s, `${path}.sessions[${i}]`);
    if (!sessions.has(sessionId)) fail(`${path}.sessions[${i}]`, `unknown session "${sessionId}"`);
    return sessionId;
  });
  const participant: ParticipantInput = {
    id,
    sessions: attended,
    maxMeetings: requireCount(raw.maxMeetings, `${path}.maxMeetings`),
  };
  if (raw.booth !== undefined && raw.booth !== null)
    participant.booth = requireId(raw.booth, `${path}.booth`);
  if (raw.unavailable !== undefined) {
    participant.unavailable = requireArray(raw.unavailable, `${path}.unavailable`).map((u, i) =>
      parseSlotRef(u, `${path}.unavailable[${i}]`, sessions),
    );
  }
  return participant;
}

function parseRequest(raw: unknown, path: string, participants: Set<string>): MeetingRequestInput {
  if (!isObject(raw)) fail(path, 'must be an object');
  const a = requireId(raw.a, `${path}.a`);
  const b = requireId(raw.b, `${path}.b`);
  if (!participants.has(a)) fail(`${path}.a`, `unknown participant "${a}"`);
  if (!participants.has(b)) fail(`${path}.b`, `unknown participant "${b}"`);
  const request: MeetingRequestInput = { a, b, weight: 1 };
  if (raw.weight !== undefined) {
    if (typeof raw.weight !== 'number' || !Number.isFinite(raw.weight) || raw.weight < 0) {
      fail(`${path}.weight`, 'must be a finite number ≥ 0');
    }
    request.weight = raw.weight;
  }
  if (raw.id !== undefined) request.id = requireId(raw.id, `${path}.id`);
  return request;
}

function parseLocked(
  raw: unknown,
  path: string,
  participants: Set<string>,
  sessions: Map<string, SessionInput>,
) {
  if (!isObject(raw)) fail(path, 'must be an object');
  const a = requireId(raw.a, `${path}.a`);
  const b = requireId(raw.b, `${path}.b`);
  if (!participants.has(a)) fail(`${path}.a`, `unknown participant "${a}"`);
  if (!participants.has(b)) fail(`${path}.b`, `unknown participant "${b}"`);
  if (a === b) fail(path, 'a participant cannot meet themselves');
  const { session, slot } = parseSlotRef(raw, path, sessions);
  const table = typeof raw.table === 'number' ? String(raw.table) : requireId(raw.table, `${path}.table`);
  const locked: LockedMeetingInput = { a, b, session, slot, table };
  return locked;
}

/**
 * Checks the shape of an instance read from JSON and returns it typed, with defaults filled in
 * (weight 1). Rules that need the whole picture (locked meetings colliding) are checked when the
 * instance is compiled.
 */
export function validateInstance(raw: unknown): ScheduleInstance {
  if (!isObject(raw)) throw new InstanceError('instance: must be a JSON object');

  const sessions = requireArray(raw.sessions, 'sessions').map((s, i) => parseSession(s, `sessions[${i}]`));
  const sessionById = new Map<string, SessionInput>();
  sessions.forEach((s, i) => {
    if (sessionById.has(s.id)) fail(`sessions[${i}].id`, `duplicate session id "${s.id}"`);
    sessionById.set(s.id, s);
  });

  const participants = requireArray(raw.participants, 'participants').map((p, i) =>
    parseParticipant(p, `participants[${i}]`, sessionById),
  );
  const participantIds = new Set<string>();
  participants.forEach((p, i) => {
    if (participantIds.has(p.id)) fail(`participants[${i}].id`, `duplicate participant id "${p.id}"`);
    participantIds.add(p.id);
  });

  const requests = requireArray(raw.requests, 'requests').map((r, i) =>
    parseRequest(r, `requests[${i}]`, participantIds),
  );

  const instance: ScheduleInstance = { sessions, participants, requests };
  if (raw.locked !== undefined) {
    instance.locked = requireArray(raw.locked, 'locked').map((l, i) =>
      parseLocked(l, `locked[${i}]`, participantIds, sessionById),
    );
  }
  return instance;
}
