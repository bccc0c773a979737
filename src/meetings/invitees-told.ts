import { EntityManager } from 'typeorm';
import { invitationKeySql } from '../invitations/invitation-key';
import { MINI_SALON_DECISION_TEMPLATE } from '../mini-salons/mini-salon-decision.composer';

/**
 * The event's invitees who have not answered yet and whose invitation went out (SENDING or SENT):
 * the email they hold shows the event as it was, so a change or a cancellation is news to them.
 * An invitation still waiting in the outbox will show the event as it is. A mini-salon's
 * requester was invited by its 開催決定 email, which names their registration.
 */
export function inviteesWithInvitationSent(
  manager: EntityManager,
  eventId: string,
): Promise<{ id: string; participantId: string }[]> {
  return manager.query(
    `SELECT r.id, r.participant_id AS "participantId"
       FROM registrations r
      WHERE r.event_id = $1 AND r.status = 'INVITED'
        AND EXISTS (SELECT 1 FROM outbox_messages o
                     WHERE o.status IN ('SENDING', 'SENT')
                       AND (o.key = ${invitationKeySql('r')}
                            OR (o.event_id = r.event_id AND o.template = $2
                                AND o.params ->> 'registrationId' = CAST(r.id AS text))))
      ORDER BY r.id`,
    [eventId, MINI_SALON_DECISION_TEMPLATE],
  );
}
