import { EntityManager } from 'typeorm';
import { invitationKeySql } from './invitation-key';

/** The 開催決定 email, which invites a mini-salon's requester (MINI_SALON_DECISION_TEMPLATE). */
const MINI_SALON_DECISION = 'mini-salon-decision';

/**
 * Of the INVITED registrations `registrationIds`, those whose invitation email is not on its way
 * or delivered: never written (no consent to email, unsubscribed, or bounced before, when they were
 * invited), or given up (送信失敗, 送信せず). Staff call them instead. One statement for a page of
 * the list: each looks up its own invitation by its unique key.
 */
export async function invitationsNotSent(
  manager: EntityManager,
  registrationIds: string[],
): Promise<Set<string>> {
  if (registrationIds.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT r.id FROM registrations r
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'INVITED'
        AND NOT EXISTS (SELECT 1 FROM outbox_messages o
                         WHERE o.status IN ('PENDING', 'SENDING', 'SENT')
                           AND (o.key = ${invitationKeySql('r')}
                                OR (o.event_id = r.event_id AND o.template = $2
                                    AND o.params ->> 'registrationId' = CAST(r.id AS text))))`,
    [registrationIds, MINI_SALON_DECISION],
  );
  return new Set(rows.map((row) => row.id));
}
