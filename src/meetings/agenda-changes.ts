import { createHash } from 'node:crypto';

/**
 * What an agenda email listed, kept per email (AgendaDelivery) so the next one can mark what
 * changed since, and what a participant last looked at (AgendaView) for myAgenda. IDs, times and
 * tables only: names are read when the agenda is shown, so an erased participant's name is not
 * kept here.
 */
export interface AgendaSnapshot {
  meetings: AgendaSnapshotMeeting[];
  /** Request ids of the agreed meetings listed without a time (時間が未定の面談). */
  unscheduled: string[];
}

export interface AgendaSnapshotMeeting {
  id: string;
  requestId: string;
  /** ISO instants: the snapshot is stored as JSON. */
  startsAt: string;
  endsAt: string;
  table: string;
  booth: boolean;
}

/** A published meeting as the agenda lists it. */
export interface AgendaLine {
  id: string;
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  tableLabel: string;
  booth: boolean;
}

/** The agenda as it stands: its meetings in time order, and the request ids of those without a time. */
export const agendaSnapshot = (meetings: AgendaLine[], unscheduled: string[]): AgendaSnapshot => ({
  meetings: meetings.map((meeting) => ({
    id: meeting.id,
    requestId: meeting.requestId,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    table: meeting.tableLabel,
    booth: meeting.booth,
  })),
  unscheduled,
});

/**
 * A short fingerprint of an agenda: the reader sends back the one they were shown, so that
 * marking it seen cannot swallow a change made while they were reading.
 */
export function agendaVersion(snapshot: AgendaSnapshot): string {
  // Sorted by id: two meetings at one time may come back in either order.
  const canonical = {
    meetings: [...snapshot.meetings].sort((a, b) => a.id.localeCompare(b.id)),
    unscheduled: [...snapshot.unscheduled].sort(),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}

/** Where and when a meeting was on the agenda received before. */
export interface AgendaSlot {
  startsAt: Date;
  endsAt: Date;
  table: string;
  booth: boolean;
}

/** How one line of the agenda differs from the agenda received before. */
export type AgendaMark =
  | { kind: 'ADDED' }
  /** A new time or table; `before` is null when it had no time then (時間が未定). */
  | { kind: 'CHANGED'; before: AgendaSlot | null };

/** An agreed meeting on the agenda received before that is no longer on it. */
export interface RemovedAgendaEntry {
  requestId: string;
  /** Set when it was a meeting with a time, or one at the venue (AgendaService.removedAtTheVenue). */
  meetingId: string | null;
  before: AgendaSlot | null;
  /** A meeting at the venue (no 商談枠): it had no time, and none was to come. */
  atVenue?: boolean;
}

export interface AgendaChanges {
  /** Meetings with a time that are new or moved, by meeting id; the rest are as before. */
  meetings: Map<string, AgendaMark>;
  /** Agreed meetings without a time that are new, by request id. */
  addedUnscheduled: Set<string>;
  removed: RemovedAgendaEntry[];
}

/** Nothing new, moved or gone: the reader already holds this agenda. */
export const unchanged = (changes: AgendaChanges) =>
  changes.meetings.size === 0 && changes.addedUnscheduled.size === 0 && changes.removed.length === 0;

const slotOf = (meeting: AgendaSnapshotMeeting): AgendaSlot => ({
  startsAt: new Date(meeting.startsAt),
  endsAt: new Date(meeting.endsAt),
  table: meeting.table,
  booth: meeting.booth,
});

const sameSlot = (a: AgendaSnapshotMeeting, b: AgendaSnapshotMeeting) =>
  Date.parse(a.startsAt) === Date.parse(b.startsAt) &&
  Date.parse(a.endsAt) === Date.parse(b.endsAt) &&
  a.table === b.table &&
  a.booth === b.booth;

/**
 * The agenda now against the one the participant last received; null when they received none
 * (a first agenda marks nothing). A meeting is followed by its request, so one that had no time
 * and got one reads as CHANGED (before: null), not as one gone and one added.
 */
export function agendaChanges(
  previous: AgendaSnapshot | null,
  current: AgendaSnapshot,
): AgendaChanges | null {
  if (!previous) return null;
  const before = new Map(previous.meetings.map((meeting) => [meeting.requestId, meeting]));
  const beforeUnscheduled = new Set(previous.unscheduled);
  const meetings = new Map<string, AgendaMark>();
  for (const meeting of current.meetings) {
    const was = before.get(meeting.requestId);
    if (was) {
      if (!sameSlot(was, meeting)) meetings.set(meeting.id, { kind: 'CHANGED', before: slotOf(was) });
    } else if (beforeUnscheduled.has(meeting.requestId)) {
      meetings.set(meeting.id, { kind: 'CHANGED', before: null });
    } else {
      meetings.set(meeting.id, { kind: 'ADDED' });
    }
  }
  const addedUnscheduled = new Set(
    current.unscheduled.filter((requestId) => !beforeUnscheduled.has(requestId) && !before.has(requestId)),
  );
  const now = new Set([...current.meetings.map((meeting) => meeting.requestId), ...current.unscheduled]);
  const removed: RemovedAgendaEntry[] = [
    ...previous.meetings
      .filter((meeting) => !now.has(meeting.requestId))
      .map((meeting) => ({ requestId: meeting.requestId, meetingId: meeting.id, before: slotOf(meeting) })),
    ...previous.unscheduled
      .filter((requestId) => !now.has(requestId))
      .map((requestId) => ({ requestId, meetingId: null, before: null })),
  ];
  return { meetings, addedUnscheduled, removed };
}
