import { EntityManager } from 'typeorm';
import { MeetingMailTemplate } from '../meetings/mail/meeting-mail-templates';
import { INVITATION_DEADLINE_TEMPLATE } from './invitation-deadline.composer';

/**
 * The 申込締切 each invitee of the event was last told of by an email that went out: a
 * 申込締切のお知らせ, or a 日時・申込締切変更 (each is sent only while the deadline is the one it
 * carries). null: told there is none any more. An invitee missing from the map heard of no change
 * of it: their invitation's is the one they know.
 *
 * deadlineNews compares the deadline with this rather than with the one before the edit: a change
 * that was no news to them (moved to a time already past, or taken away while ahead) told them
 * nothing, so moving it back to the one they know is no news either.
 */
export async function deadlinesTold(
  manager: EntityManager,
  eventId: string,
): Promise<Map<string, Date | null>> {
  const rows: { id: string; closesAt: string }[] = await manager.query(
    `SELECT DISTINCT ON (o.params ->> 'registrationId')
            o.params ->> 'registrationId' AS id, o.params ->> 'closesAt' AS "closesAt"
       FROM outbox_messages o
      WHERE o.event_id = $1 AND o.status = 'SENT' AND o.template IN ($2, $3) AND o.params ? 'closesAt'
      ORDER BY o.params ->> 'registrationId', o.created_at DESC`,
    [eventId, INVITATION_DEADLINE_TEMPLATE, MeetingMailTemplate.EVENT_CHANGED],
  );
  return new Map(rows.map((row) => [row.id, row.closesAt ? new Date(row.closesAt) : null]));
}
