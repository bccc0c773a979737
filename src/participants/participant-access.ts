import { EntityManager } from 'typeorm';
import { Actor, isStaff } from '../auth/actor';
import { haveAgreedToMeet } from '../meetings/contact-sharing';

/**
 * Contact details (email, phone) are for staff and for the person themself. Meetings widen this
 * once both sides agreed (see canSeeContactOf); until then other participants see the public
 * profile only.
 */
export function canSeeContact(actor: Actor | undefined, participantId: string): boolean {
  if (isStaff(actor)) return true;
  return actor?.kind === 'participant' && actor.participantId === participantId;
}

/** canSeeContact, plus the other side of an accepted meeting request. */
export async function canSeeContactOf(
  manager: EntityManager,
  actor: Actor | undefined,
  participantId: string,
): Promise<boolean> {
  if (canSeeContact(actor, participantId)) return true;
  if (actor?.kind !== 'participant') return false;
  return haveAgreedToMeet(manager, actor.participantId, participantId);
}
