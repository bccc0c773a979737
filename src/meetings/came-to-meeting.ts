/**
 * Whether a registration's person came to the event as its meetings tell: a side of a meeting there
 * that took place with them in it (held, or missed by the other side only). SQL on the
 * registrations row aliased `alias`: whether there is one, how many, and when the first began.
 */
const CAME = (alias: string) => `FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
   WHERE mp.event_id = ${alias}.event_id AND mp.participant_id = ${alias}.participant_id
     AND m.status IN ('HELD', 'NO_SHOW') AND NOT mp.no_show`;

export const cameToAMeetingSql = (alias: string): string => `EXISTS (SELECT 1 ${CAME(alias)})`;

export const meetingsCameToCountSql = (alias: string): string => `(SELECT count(*)::int ${CAME(alias)})`;

export const firstMeetingCameToSql = (alias: string): string => `(SELECT min(m.starts_at) ${CAME(alias)})`;
