import { EntityManager } from 'typeorm';
import { EventKind, EventStatus } from './event-enums';
import { EDITABLE_EVENT_STATUSES } from './event-status';
import { EventErrorCode } from './events.errors';

/**
 * Where an event stands for revertToNoMatchmakingSessions (EventsService.revertToNoSessions): what
 * it refuses on, and whether it has a grid to give up.
 */
export interface SlotGridState {
  status: EventStatus;
  kind: EventKind;
  /** 商談枠 in use (not removed). */
  sessions: number;
  /** Live meetings placed in a slot, of a removed 商談枠 too (only data changed by hand has one). */
  meetingsInSlots: number;
  /**
   * Removed 商談枠 not given up: while the event has any, it counts as one whose grid is being
   * built again (withoutSlots), and its agreed meetings wait for a slot.
   */
  sessionsToGiveUp: number;
}

/**
 * The SlotGridState of each event, one query however many: the mutation reads its event's under
 * the event's lock, Event.canRevertToNoMatchmakingSessions a page's. Meetings live in their own
 * module; indexed counts keep the modules apart. Events not found are left out.
 */
export async function slotGridStates(
  manager: EntityManager,
  eventIds: string[],
): Promise<Map<string, SlotGridState>> {
  if (eventIds.length === 0) return new Map();
  const rows: (SlotGridState & { id: string })[] = await manager.query(
    `SELECT e.id, e.status, e.kind,
            (SELECT count(*)::int FROM matchmaking_sessions s
              WHERE s.event_id = e.id AND s.removed_at IS NULL) AS sessions,
            (SELECT count(*)::int FROM meetings m
              WHERE m.event_id = e.id AND m.session_id IS NOT NULL AND m.status <> 'CANCELLED') AS "meetingsInSlots",
            (SELECT count(*)::int FROM matchmaking_sessions s
              WHERE s.event_id = e.id AND s.removed_at IS NOT NULL AND s.given_up_at IS NULL) AS "sessionsToGiveUp"
       FROM events e WHERE e.id = ANY($1::uuid[])`,
    [eventIds],
  );
  return new Map(rows.map(({ id, ...state }) => [id, state]));
}

/**
 * Why revertToNoMatchmakingSessions refuses the event as it stands, the first reason it checks
 * first; null when it accepts. A closed or cancelled event is not changed; a 商談会 has its meetings
 * in slots by nature (withoutSlots); a 商談枠 still in use is removed first; a meeting placed in a
 * slot would lose its time.
 */
export function revertRefusal(state: SlotGridState): EventErrorCode | null {
  if (!EDITABLE_EVENT_STATUSES.includes(state.status)) return EventErrorCode.NOT_EDITABLE;
  if (state.kind === EventKind.BUSINESS_MATCHING) return EventErrorCode.MATCHING_HAS_SLOTS;
  if (state.sessions > 0) return EventErrorCode.HAS_SESSIONS;
  if (state.meetingsInSlots > 0) return EventErrorCode.MEETINGS_IN_SLOTS;
  return null;
}

/**
 * revertToNoMatchmakingSessions would accept the event and change it: every 商談枠 it was given
 * is removed, and it waits for a grid staff may say is not coming. An event that never had 商談枠,
 * or was made one without them again already, is accepted as it is, with nothing to change.
 */
export function awaitsGrid(state: SlotGridState): boolean {
  return revertRefusal(state) === null && state.sessionsToGiveUp > 0;
}
