import { Actor, isStaff, Role } from '../auth/actor';

/** Admins read every organisation's figures; organizers and staff those of their own organisation. */
export function readsReportsOf(actor: Actor | undefined, organizationId: string): boolean {
  if (!isStaff(actor)) return false;
  return actor.role === Role.ADMIN || actor.organizationId === organizationId;
}
