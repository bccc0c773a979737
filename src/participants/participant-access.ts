import { EntityManager } from 'typeorm';
import { Actor, isStaff } from '../auth/actor';
import { haveAgreedToMeet } from '../meetings/contact-sharing';
import { Participant } from './participant.entity';

/** What the contact rule needs to know about the person whose details they are. */
export type ContactOwner = Pick<Participant, 'id' | 'consentContactSharing'>;

/**
 * The one rule for a participant's contact details (email, phone), used by every GraphQL type and
 * every email that shows them:
 * - staff and the person themself always see them;
 * - another participant sees them only once the two agreed to meet AND the owner consented to
 *   sharing them (consentContactSharing: 面談成立時に連絡先を相手に開示することに同意する);
 * - everyone else sees the public profile only.
 */
export function maySeeContact(
  viewer: Actor | undefined,
  owner: ContactOwner,
  agreedToMeet: boolean,
): boolean {
  if (canSeeContact(viewer, owner.id)) return true;
  return viewer?.kind === 'participant' && sharesContactWithCounterpart(owner, agreedToMeet);
}

/**
 * The participant half of maySeeContact, for emails to the other side of a meeting (there is no
 * signed-in viewer there, only the person the email goes to).
 */
export function sharesContactWithCounterpart(owner: ContactOwner, agreedToMeet: boolean): boolean {
  return agreedToMeet && owner.consentContactSharing;
}

/** Staff and the person themself: the part of the rule that needs no agreement or consent. */
export function canSeeContact(actor: Actor | undefined, participantId: string): boolean {
  if (isStaff(actor)) return true;
  return actor?.kind === 'participant' && actor.participantId === participantId;
}

/**
 * Staff's own labels on a person (tags: 若手経営者の会, 2025サロン参加 …) are the organisations'
 * notes, not part of the public profile: staff and the person themself see them; another
 * participant never does, not even the other side of an agreed meeting.
 */
export function maySeeStaffLabels(viewer: Actor | undefined, ownerId: string): boolean {
  return canSeeContact(viewer, ownerId);
}

/** maySeeContact, looking up whether the viewer agreed to meet the owner (at any event). */
export async function canSeeContactOf(
  manager: EntityManager,
  actor: Actor | undefined,
  owner: ContactOwner,
): Promise<boolean> {
  if (canSeeContact(actor, owner.id)) return true;
  if (actor?.kind !== 'participant' || !owner.consentContactSharing) return false;
  return maySeeContact(actor, owner, await haveAgreedToMeet(manager, actor.participantId, owner.id));
}
