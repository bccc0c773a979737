import { Actor, isStaff, Role } from '../auth/actor';
import { Event } from './event.entity';
import { EventStatus, EventVisibility } from './event-enums';

/** Staff act on the events their organisation runs or co-hosts (共催); admins on all. */
export function managesEvent(
  actor: Actor | undefined,
  event: Pick<Event, 'organizationId'> & { coHosts?: { id: string }[] },
): boolean {
  if (!isStaff(actor)) return false;
  if (actor.role === Role.ADMIN) return true;
  return (
    actor.organizationId === event.organizationId ||
    (event.coHosts ?? []).some((organization) => organization.id === actor.organizationId)
  );
}

/** The organising organisation's staff (or an admin), not a co-host's. */
export function organisesEvent(actor: Actor | undefined, event: Pick<Event, 'organizationId'>): boolean {
  if (!isStaff(actor)) return false;
  return actor.role === Role.ADMIN || actor.organizationId === event.organizationId;
}

/** Anyone may see a published public event; drafts and invite-only events need a reason to. */
export function isOpenToAll(event: Pick<Event, 'status' | 'visibility'>): boolean {
  return event.status !== EventStatus.DRAFT && event.visibility === EventVisibility.PUBLIC;
}
