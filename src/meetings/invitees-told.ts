import { EntityManager } from 'typeorm';
import { invitationKeySql } from '../invitations/invitation-key';
import { EarlierEmailInFlight } from '../mail/mail-composers';
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

/**
 * The mini-salon's requester, while they have not answered the invitation its 開催決定 email
 * carries (written with the registration, as the salon was accepted): whether that email has left
 * yet or not. They asked for the salon, so they hear of its cancellation even when the 開催決定
 * never reached them (it is then not sent: MiniSalonDecisionComposer). One given up (送信失敗) is
 * left out, as an invitation is: the address did not take it.
 */
export function requestersInvitedByDecision(
  manager: EntityManager,
  eventId: string,
): Promise<{ id: string; participantId: string }[]> {
  return manager.query(
    `SELECT r.id, r.participant_id AS "participantId"
       FROM registrations r
      WHERE r.event_id = $1 AND r.status = 'INVITED'
        AND EXISTS (SELECT 1 FROM outbox_messages o
                     WHERE o.status IN ('PENDING', 'SENDING', 'SENT')
                       AND o.event_id = r.event_id AND o.template = $2
                       AND o.params ->> 'registrationId' = CAST(r.id AS text))
      ORDER BY r.id`,
    [eventId, MINI_SALON_DECISION_TEMPLATE],
  );
}

/**
 * For the 開催中止 of a mini-salon: whether the 開催決定 email that invited its requester by this
 * registration reached them (`told`: sent), never will (`untold`), or none names it (null: not the
 * requester's invitation). One not sent by the time the salon is cancelled never is: its composer
 * finds the salon cancelled (MiniSalonDecisionComposer), whether it was waiting, is tried again
 * after a failure, or was not sent on purpose. One being sent may reach them or not (an SMTP
 * server that does not answer, then says "try later"): which it is is not known until it has gone
 * or come back, so the cancellation waits for it (EarlierEmailInFlight) rather than say either.
 */
export async function decisionToldTo(
  manager: EntityManager,
  eventId: string,
  registrationId: string,
): Promise<'told' | 'untold' | null> {
  const rows: { status: string }[] = await manager.query(
    `SELECT status FROM outbox_messages
      WHERE event_id = $1 AND template = $2 AND params ->> 'registrationId' = $3`,
    [eventId, MINI_SALON_DECISION_TEMPLATE, registrationId],
  );
  if (rows.length === 0) return null;
  if (rows.some((row) => row.status === 'SENT')) return 'told';
  if (rows.some((row) => row.status === 'SENDING')) throw new EarlierEmailInFlight();
  return 'untold';
}
