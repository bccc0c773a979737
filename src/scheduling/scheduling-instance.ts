/**
 * The pure translation between the database's view of an event and the scheduler engine's: rows
 * in, an engine instance out; an engine result in, placements and Japanese reasons out. No Nest,
 * no TypeORM, so the rules (who takes part, which meetings are locked, how slots become times)
 * are tested without a database (scheduling-instance.spec.ts).
 */
import type {
  LockedMeetingInput,
  ParticipantInput,
  ScheduleInstance,
  ScheduleResult,
  SessionInput,
  UnscheduledCode,
} from './engine';
import { boothKey } from '../registrations/booth-label';

export interface SessionRow {
  id: string;
  startsAt: Date;
  slotMinutes: number;
  slotCount: number;
  mode: 'TABLES' | 'BOOTHS';
  tableCount: number | null;
}

/** An attending registration (REGISTERED or ATTENDED). */
export interface AttendeeRow {
  participantId: string;
  booth: string | null;
  /** The company they came for (the registration's, else their profile's); null for none. */
  companyId: string | null;
}

export interface AcceptedRequestRow {
  id: string;
  fromParticipantId: string;
  toParticipantId: string;
  weight: number;
}

/** A live, published meeting: it stays exactly where it is. */
export interface PublishedMeetingRow {
  id: string;
  requestId: string;
  participantAId: string;
  participantBId: string;
  sessionId: string;
  slotIndex: number;
  tableLabel: string;
}

export interface SchedulingInputs {
  sessions: SessionRow[];
  attendees: AttendeeRow[];
  requests: AcceptedRequestRow[];
  published: PublishedMeetingRow[];
  maxMeetingsPerParticipant: number | null;
}

/** Why a request did not get a slot, for the organiser; `code` is the engine's or ours. */
export interface UnscheduledPlacement {
  requestId: string | null;
  participantAId: string;
  participantBId: string;
  code: UnscheduledCode | 'NOT_ATTENDING';
  /** The participant who is full, for MAX_MEETINGS_REACHED. */
  participantId?: string;
}

export interface Placement {
  requestId: string;
  participantAId: string;
  participantBId: string;
  sessionId: string;
  slotIndex: number;
  tableLabel: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BuiltInstance {
  instance: ScheduleInstance;
  /** Requests left out before the engine ran (a side no longer attends). */
  excluded: UnscheduledPlacement[];
  /**
   * Published meetings at one booth in a slot still to come (lockedBoothClashes): the engine
   * refuses such an instance, and the run stops before it, saying which meetings to move.
   */
  boothClashes: LockedBoothClash[];
}

/**
 * Participants are the attendees with an accepted request or a published meeting. Exhibitors with
 * a booth meet at their booth, so when the event has booth-mode sessions they take part in those
 * only; without booth sessions their booth is ignored and they meet at tables like everyone else.
 * Requests already fulfilled by a published meeting are not asked again: the meeting is locked.
 * Slots that began before `now` are nobody's to fill (a run on the day, between meetings), except
 * where a locked meeting already sits. Two published meetings at one booth in a slot that has begun
 * are history nobody can move: the first is kept where it is, the others stay out of the instance
 * (their sides busy then, and the meeting counted against their cap) rather than fail every run.
 */
export function buildInstance(inputs: SchedulingInputs, now: Date): BuiltInstance {
  const boothSessions = inputs.sessions.filter((session) => session.mode === 'BOOTHS').map((s) => s.id);
  const allSessions = inputs.sessions.map((session) => session.id);
  const attendee = new Map(inputs.attendees.map((row) => [row.participantId, row]));
  const boothOf = boothSpelling(inputs.attendees);
  const hasBegun = (sessionId: string, slot: number) => {
    const session = inputs.sessions.find((candidate) => candidate.id === sessionId);
    return session !== undefined && slotTimes(session, slot).startsAt.getTime() <= now.getTime();
  };
  const clashes = lockedBoothClashes(inputs);
  const boothClashes = clashes.filter((clash) => !hasBegun(clash.sessionId, clash.slotIndex));
  const past = new Set(
    clashes
      .filter((clash) => hasBegun(clash.sessionId, clash.slotIndex))
      .flatMap((clash) => clash.meetings.slice(1).map((meeting) => meeting.id)),
  );
  const pastCount = new Map<string, number>();
  for (const meeting of inputs.published.filter((m) => past.has(m.id)))
    for (const id of [meeting.participantAId, meeting.participantBId])
      pastCount.set(id, (pastCount.get(id) ?? 0) + 1);
  const published = inputs.published.filter((meeting) => !past.has(meeting.id));
  const fulfilled = new Set(inputs.published.map((meeting) => meeting.requestId));

  const requests = [];
  const excluded: UnscheduledPlacement[] = [];
  const involved = new Set<string>();
  for (const request of inputs.requests) {
    if (fulfilled.has(request.id)) continue;
    if (!attendee.has(request.fromParticipantId) || !attendee.has(request.toParticipantId)) {
      excluded.push({
        requestId: request.id,
        participantAId: request.fromParticipantId,
        participantBId: request.toParticipantId,
        code: 'NOT_ATTENDING',
      });
      continue;
    }
    requests.push({
      id: request.id,
      a: request.fromParticipantId,
      b: request.toParticipantId,
      weight: request.weight,
    });
    involved.add(request.fromParticipantId).add(request.toParticipantId);
  }
  for (const meeting of published) involved.add(meeting.participantAId).add(meeting.participantBId);

  const begun = inputs.sessions.flatMap((session) =>
    Array.from({ length: session.slotCount }, (_, slot) => ({ session: session.id, slot })).filter(
      ({ slot }) => slotTimes(session, slot).startsAt.getTime() <= now.getTime(),
    ),
  );
  const lockedAt = new Set(
    published.flatMap((meeting) =>
      [meeting.participantAId, meeting.participantBId].map(
        (id) => `${id} ${meeting.sessionId} ${meeting.slotIndex}`,
      ),
    ),
  );

  const participants: ParticipantInput[] = [...involved].sort().map((id) => {
    const booth = boothSessions.length > 0 ? boothOf(attendee.get(id)?.booth ?? null) : null;
    const sessions = booth ? boothSessions : allSessions;
    const slots = inputs.sessions
      .filter((session) => sessions.includes(session.id))
      .reduce((sum, session) => sum + session.slotCount, 0);
    const unavailable = begun.filter(
      (ref) => sessions.includes(ref.session) && !lockedAt.has(`${id} ${ref.session} ${ref.slot}`),
    );
    return {
      id,
      sessions,
      maxMeetings: Math.max(0, (inputs.maxMeetingsPerParticipant ?? slots) - (pastCount.get(id) ?? 0)),
      ...(booth ? { booth } : {}),
      ...(unavailable.length ? { unavailable } : {}),
    };
  });

  const sessions: SessionInput[] = inputs.sessions.map((session) => ({
    id: session.id,
    slots: session.slotCount,
    // Booth sessions have no shared tables: meetings there happen at the exhibitor's booth.
    tables: session.mode === 'TABLES' ? (session.tableCount ?? 0) : 0,
  }));
  const locked: LockedMeetingInput[] = published.map((meeting) => ({
    a: meeting.participantAId,
    b: meeting.participantBId,
    session: meeting.sessionId,
    slot: meeting.slotIndex,
    table: boothSessions.includes(meeting.sessionId) ? boothOf(meeting.tableLabel)! : meeting.tableLabel,
  }));
  return { instance: { sessions, participants, requests, locked }, excluded, boothClashes };
}

/**
 * One booth however it was typed (B-1, B-01): the engine counts booths by their label, so each is
 * given the first spelling stored at the event, as placed meetings there are. Registrations write
 * one spelling per booth; this keeps older rows from making one booth two.
 */
function boothSpelling(attendees: AttendeeRow[]): (label: string | null) => string | null {
  const spelling = new Map<string, string>();
  for (const row of attendees) {
    const key = boothKey(row.booth);
    if (key !== null && row.booth !== null && !spelling.has(key)) spelling.set(key, row.booth);
  }
  return (label) => (label && spelling.get(boothKey(label) ?? '')) || label;
}

/** Published meetings that stand at one booth in one slot of a booth-mode 商談枠. */
export interface LockedBoothClash {
  /** The booth as the event writes it. */
  booth: string;
  sessionId: string;
  slotIndex: number;
  /** Two or more, in the order they were read. */
  meetings: PublishedMeetingRow[];
}

/**
 * Published meetings placed at one booth at one time under two spellings (B-1 and B-01, stored
 * before booths were compared as booths, and left so by the migration that gave each booth one
 * spelling because they met): the engine sees one booth and cannot keep both where they are.
 * Nothing the run could fix: staff move one of them. Tables cannot clash so: the database allows
 * one live meeting per table label and slot, and table labels have one spelling.
 */
export function lockedBoothClashes(inputs: SchedulingInputs): LockedBoothClash[] {
  const boothSessions = new Set(inputs.sessions.filter((s) => s.mode === 'BOOTHS').map((s) => s.id));
  const boothOf = boothSpelling(inputs.attendees);
  const at = new Map<string, LockedBoothClash>();
  for (const meeting of inputs.published) {
    if (!boothSessions.has(meeting.sessionId)) continue;
    const place = `${meeting.sessionId} ${meeting.slotIndex} ${boothKey(meeting.tableLabel)}`;
    const clash = at.get(place);
    if (clash) clash.meetings.push(meeting);
    else
      at.set(place, {
        booth: boothOf(meeting.tableLabel) ?? meeting.tableLabel,
        sessionId: meeting.sessionId,
        slotIndex: meeting.slotIndex,
        meetings: [meeting],
      });
  }
  return [...at.values()].filter((clash) => clash.meetings.length > 1);
}

/** One booth held by attendees of two or more companies. */
export interface SharedBooth {
  /** The booth as the event writes it (the spelling the scheduler used). */
  booth: string;
  /** One holder of each company there, in the order they were read. */
  participantIds: string[];
}

/**
 * Booths held by more than one company, which registering refuses today but rows from before
 * booths were compared as booths (B-1 for one company, B-01 for another) can hold. The scheduler
 * counts them one booth, as the floor plan has it, so their meetings never overlap there; staff
 * are told, since one of them may belong elsewhere. Colleagues of one company share a booth
 * rightly; someone without a company is a company of their own. Only where the event has
 * booth-mode 商談枠: elsewhere the scheduler ignores booths.
 */
export function boothsSharedByCompanies(inputs: SchedulingInputs): SharedBooth[] {
  if (!inputs.sessions.some((session) => session.mode === 'BOOTHS')) return [];
  const boothOf = boothSpelling(inputs.attendees);
  const byBooth = new Map<string, { booth: string; companies: Map<string, string> }>();
  for (const row of inputs.attendees) {
    const key = boothKey(row.booth);
    if (key === null) continue;
    const entry = byBooth.get(key) ?? { booth: boothOf(row.booth)!, companies: new Map<string, string>() };
    byBooth.set(key, entry);
    const company = row.companyId ?? `participant ${row.participantId}`;
    if (!entry.companies.has(company)) entry.companies.set(company, row.participantId);
  }
  return [...byBooth.values()]
    .filter((entry) => entry.companies.size > 1)
    .map((entry) => ({ booth: entry.booth, participantIds: [...entry.companies.values()] }));
}

/** Engine meetings (locked ones left out: they are already in the database) as timed placements. */
export function toPlacements(
  result: Pick<ScheduleResult, 'meetings' | 'unscheduled'>,
  sessions: SessionRow[],
): { placements: Placement[]; unscheduled: UnscheduledPlacement[] } {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const placements: Placement[] = [];
  for (const meeting of result.meetings) {
    if (meeting.locked || !meeting.requestId) continue;
    const session = byId.get(meeting.session);
    if (!session) throw new Error(`engine placed a meeting in unknown session ${meeting.session}`);
    const { startsAt, endsAt } = slotTimes(session, meeting.slot);
    placements.push({
      requestId: meeting.requestId,
      participantAId: meeting.a,
      participantBId: meeting.b,
      sessionId: meeting.session,
      slotIndex: meeting.slot,
      tableLabel: meeting.table,
      startsAt,
      endsAt,
    });
  }
  const unscheduled = result.unscheduled.map((entry) => ({
    requestId: entry.requestId ?? null,
    participantAId: entry.a,
    participantBId: entry.b,
    code: entry.code,
    ...(entry.participant ? { participantId: entry.participant } : {}),
  }));
  return { placements, unscheduled };
}

/** Slot `slot` of a session as an instant range: sessions are equal slots back to back. */
export function slotTimes(
  session: Pick<SessionRow, 'startsAt' | 'slotMinutes'>,
  slot: number,
): { startsAt: Date; endsAt: Date } {
  const start = session.startsAt.getTime() + slot * session.slotMinutes * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + session.slotMinutes * 60_000) };
}

const REASONS: Record<UnscheduledPlacement['code'], (name: string) => string> = {
  DUPLICATE_REQUEST: () => '同じ組み合わせの申込が重複しているため、1件のみ配置しました',
  SELF_REQUEST: () => '自分自身への申込のため配置できません',
  BOTH_BOOTH_HOLDERS: () => '双方が出展者（ブース）のため、ブース方式の商談枠では面談できません',
  NO_BOOTH_NO_TABLES: () =>
    'どちらにもブースがなく（ブースが未設定の出展者を含む）、テーブル方式の商談枠もないため、面談の場所がありません',
  NO_COMMON_SESSION: () => '双方が参加する商談枠がありません',
  NO_COMMON_SLOT: () => '双方の空いている時間帯が重なりません',
  MAX_MEETINGS_REACHED: (name) => `${name || '一方の参加者'}の面談数が上限に達しています`,
  NO_FREE_SLOT: () => '双方が空いていて、テーブル（ブース）も空いている時間帯がありません',
  NOT_ATTENDING: () => 'どちらかの参加者が参加登録されていない（キャンセル等）ため配置できません',
};

/** The organiser-facing reason, in Japanese, for an unscheduled request. */
export function unscheduledReason(entry: UnscheduledPlacement, names: ReadonlyMap<string, string>): string {
  const name = entry.participantId ? names.get(entry.participantId) : undefined;
  return REASONS[entry.code](name ? `${name} 様` : '');
}
