import { Actor, isStaff } from '../auth/actor';

/**
 * Contact details (email, phone) are for staff and for the person themself. Meetings widen this
 * once both sides agreed; until then other participants see the public profile only.
 */
export function canSeeContact(actor: Actor | undefined, participantId: string): boolean {
  if (isStaff(actor)) return true;
  return actor?.kind === 'participant' && actor.participantId === participantId;
}
