import { EntityManager } from 'typeorm';
import { EventKind } from './event-enums';

/**
 * An event without 商談枠 (a salon where people meet as they mingle): one that was never given a
 * 商談枠. An event whose every 商談枠 staff removed is not one: they take the grid away to build it
 * again (other times, other tables), and a meeting agreed in between waits for a slot like those
 * agreed before, instead of becoming a meeting at the venue that no new 商談枠 would ever place,
 * after a 面談成立 saying the event has no set times. So the removed sessions, kept for their
 * meetings' history anyway, count here (`withDeleted`) — until staff say no grid is coming
 * (revertToNoMatchmakingSessions: a salon given a 商談枠 by mistake), which gives them up
 * (MatchmakingSession.givenUpAt): the event is one without 商談枠 again.
 *
 * A 商談会 (BUSINESS_MATCHING) is one with 商談枠 by its nature (pre-arranged meetings in time slots),
 * whether or not its grid exists yet: a meeting agreed before staff add the first 商談枠 waits for
 * one, and such an event is never made one without 商談枠 (revertToNoMatchmakingSessions refuses).
 *
 * Everything that tells the two apart asks this (or withoutSlotsSql): agreeing a meeting
 * (MeetingsService.meetAtVenue), the emails' event details, the suggestion pages, the floor sheet.
 * What an agreed meeting is, once agreed, is its own (a meeting at the venue or not): the 面談成立
 * emails, the agenda and the reminder read that, and this only for how to word it.
 */
export async function withoutSlots(manager: EntityManager, eventId: string): Promise<boolean> {
  const [row]: { without: boolean }[] = await manager.query(
    `SELECT ${withoutSlotsSql('e.id')} AS without FROM events e WHERE e.id = $1`,
    [eventId],
  );
  return row?.without ?? true;
}

/** withoutSlots as an SQL expression; `eventId`: an SQL expression for the event's id. */
export function withoutSlotsSql(eventId: string): string {
  return `(NOT EXISTS (SELECT 1 FROM events k WHERE k.id = ${eventId} AND k.kind = '${EventKind.BUSINESS_MATCHING}')
    AND NOT EXISTS (SELECT 1 FROM matchmaking_sessions s WHERE s.event_id = ${eventId} AND s.given_up_at IS NULL))`;
}
