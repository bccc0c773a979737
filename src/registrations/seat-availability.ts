import { EntityManager, In } from 'typeorm';
import { Event } from '../events/event.entity';
import { Registration } from './registration.entity';
import { COUNTED_AGAINST_CAPACITY, RegistrationStatus } from './registration-enums';

/**
 * The seats at the event nobody holds: its capacity less the registrations holding one, 欠席
 * included (COUNTED_AGAINST_CAPACITY). Infinity without a capacity; below 0 after a capacity cut
 * below those already seated.
 */
export async function seatsFree(
  manager: EntityManager,
  event: Pick<Event, 'id' | 'capacity'>,
): Promise<number> {
  if (event.capacity === null) return Infinity;
  return (
    event.capacity -
    (await manager.countBy(Registration, { eventId: event.id, status: In(COUNTED_AGAINST_CAPACITY) }))
  );
}

/**
 * Whether someone asking for a seat now gets one rather than a place on the waiting list: a seat
 * is free and nobody is waiting for one. Before the event starts a seat that comes free goes to the
 * waiting list at once (RegistrationsService.nextOnWaitlist), so the two only meet once it has
 * started and the list no longer moves: a newcomer then waits behind those already waiting rather
 * than take ahead of them the seat they were not given. Deciding a seat, hold the event's row lock.
 */
export async function seatForNewcomer(
  manager: EntityManager,
  event: Pick<Event, 'id' | 'capacity'>,
): Promise<boolean> {
  if ((await seatsFree(manager, event)) <= 0) return false;
  return !(await manager.existsBy(Registration, {
    eventId: event.id,
    status: RegistrationStatus.WAITLISTED,
  }));
}
