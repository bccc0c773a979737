import { EntityManager } from 'typeorm';
import { EarlierEmailInFlight } from '../mail/mail-composers';
import { OutboxMessage } from '../mail/outbox-message.entity';

/**
 * An outbox row, aliased `alias`, that reached its reader and showed them a 申込締切 (or that there
 * is none): its sender recorded it in `shown` (see EmailShown). The invitation, a re-sent one, the
 * 開催決定 that invites to a mini-salon, a 申込締切のお知らせ, and a 日時変更 to an invitee each do.
 *
 * An email still being sent (SENDING) may have reached its reader or may never: what it shows is
 * recorded only as it is marked SENT. Never telling someone of a change is worse than telling them
 * twice, so such an email counts both ways: the listeners write the email of a change in case it
 * is news to them (see deadlinesTold's inFlight), and its composer waits until the earlier one has
 * gone or come back (EarlierEmailInFlight) and compares with what they were then actually sent.
 */
export const deadlineShownSql = (alias: string): string =>
  `${alias}.status = 'SENT' AND ${alias}.shown ? 'registrationClosesAt'`;

/** The order of such rows, the last to reach the reader first. */
export const lastShownFirstSql = (alias: string): string => `${alias}.sent_at DESC, ${alias}.created_at DESC`;

/** What an edit's listeners go by: see deadlinesTold. */
export interface DeadlinesTold {
  /** By registration: the 申込締切 last shown, null for none. */
  told: Map<string, Date | null>;
  /** Registrations with an email about them still being sent (SENDING). */
  inFlight: Set<string>;
}

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
 *
 * `inFlight`: invitees with an email about their registration still being sent, which may show them
 * another deadline than the last one recorded (the one before this edit, or the one it announces).
 * A change is written for them whenever the edit itself is news; the composer decides once that
 * email has gone.
 */
export async function deadlinesTold(manager: EntityManager, eventId: string): Promise<DeadlinesTold> {
  const rows: { id: string; closesAt: string | null }[] = await manager.query(
    `SELECT DISTINCT ON (o.params ->> 'registrationId')
            o.params ->> 'registrationId' AS id, o.shown ->> 'registrationClosesAt' AS "closesAt"
       FROM outbox_messages o
      WHERE o.event_id = $1 AND ${deadlineShownSql('o')} AND o.params ? 'registrationId'
      ORDER BY o.params ->> 'registrationId', ${lastShownFirstSql('o')}`,
    [eventId],
  );
  const inFlight: { id: string }[] = await manager.query(
    `SELECT DISTINCT o.params ->> 'registrationId' AS id
       FROM outbox_messages o
      WHERE o.event_id = $1 AND o.status = 'SENDING' AND o.params ? 'registrationId'`,
    [eventId],
  );
  return {
    told: new Map(rows.map((row) => [row.id, row.closesAt ? new Date(row.closesAt) : null])),
    inFlight: new Set(inFlight.map((row) => row.id)),
  };
}

/**
 * SQL columns for a composer, about the registration `registration` of the event `event` and the
 * outbox row `message` being composed (SQL expressions, e.g. `$1`): `shown`, the 申込締切 the
 * reader was last shown (see deadlineShownSql) as `{ at }`, or null when no email recorded one;
 * and `"inFlight"`, whether an email about the registration written before this one is still being
 * sent. Read them with shownBefore.
 */
export const shownBeforeSql = (event: string, registration: string, message: string): string =>
  `(SELECT jsonb_build_object('at', o.shown -> 'registrationClosesAt')
      FROM outbox_messages o
     WHERE o.event_id = ${event} AND o.params ->> 'registrationId' = ${registration} AND ${deadlineShownSql('o')}
     ORDER BY ${lastShownFirstSql('o')}
     LIMIT 1) AS shown,
   EXISTS (SELECT 1 FROM outbox_messages o
            WHERE o.event_id = ${event} AND o.params ->> 'registrationId' = ${registration}
              AND o.status = 'SENDING' AND o.id <> ${message}
              -- Compared in SQL: created_at has microseconds, a Date only milliseconds.
              AND o.created_at < (SELECT created_at FROM outbox_messages WHERE id = ${message})) AS "inFlight"`;

/**
 * The 申込締切 the reader was last shown, from shownBeforeSql's columns: undefined when no email
 * recorded one, null when they were shown there is none. Throws EarlierEmailInFlight while an
 * earlier email about the registration is being sent: what they were shown is not known yet.
 */
export function shownBefore(row: {
  shown: { at: string | null } | null;
  inFlight: boolean;
}): Date | null | undefined {
  if (row.inFlight) throw new EarlierEmailInFlight();
  if (!row.shown) return undefined;
  return row.shown.at ? new Date(row.shown.at) : null;
}

/** shownBefore for the outbox row being composed, in a statement of its own. */
export async function deadlineShownBefore(
  manager: EntityManager,
  message: Pick<OutboxMessage, 'id' | 'eventId' | 'params'>,
): Promise<Date | null | undefined> {
  const [row]: { shown: { at: string | null } | null; inFlight: boolean }[] = await manager.query(
    `SELECT ${shownBeforeSql('$1::uuid', '$2', '$3::uuid')}`,
    [message.eventId, message.params.registrationId, message.id],
  );
  return shownBefore(row);
}
