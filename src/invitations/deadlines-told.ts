import { EntityManager } from 'typeorm';

/**
 * An outbox row, aliased `alias`, that reached its reader and showed them a 申込締切 (or that there
 * is none): its sender recorded it in `shown` (see EmailShown). The invitation, a re-sent one, the
 * 開催決定 that invites to a mini-salon, a 申込締切のお知らせ, and a 日時変更 to an invitee each do.
 */
export const deadlineShownSql = (alias: string): string =>
  `${alias}.status = 'SENT' AND ${alias}.shown ? 'registrationClosesAt'`;

/** The order of such rows, the last to reach the reader first. */
export const lastShownFirstSql = (alias: string): string => `${alias}.sent_at DESC, ${alias}.created_at DESC`;

/**
 * The 申込締切 each invitee of the event was last shown by an email that went out, as its sender
 * recorded it (see deadlineShownSql): the one in their invitation, or in a later email. null: told
 * there is none (the links work until the event ends). An invitee missing from the map has no
 * email recorded as showing one (theirs went out before emails recorded what they showed): the
 * listeners then take the deadline before the edit as the one they know.
 *
 * deadlineNews compares the deadline with this rather than with the one before the edit: a change
 * that was no news to them (moved to a time already past, or taken away while ahead) told them
 * nothing, so moving it back to the one they know is no news either.
 */
export async function deadlinesTold(
  manager: EntityManager,
  eventId: string,
): Promise<Map<string, Date | null>> {
  const rows: { id: string; closesAt: string | null }[] = await manager.query(
    `SELECT DISTINCT ON (o.params ->> 'registrationId')
            o.params ->> 'registrationId' AS id, o.shown ->> 'registrationClosesAt' AS "closesAt"
       FROM outbox_messages o
      WHERE o.event_id = $1 AND ${deadlineShownSql('o')} AND o.params ? 'registrationId'
      ORDER BY o.params ->> 'registrationId', ${lastShownFirstSql('o')}`,
    [eventId],
  );
  return new Map(rows.map((row) => [row.id, row.closesAt ? new Date(row.closesAt) : null]));
}
