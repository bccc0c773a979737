import { Event } from './event.entity';

/** Where now stands against an event's window for participants registering themselves. */
export type RegistrationWindow = 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED';

/**
 * The window in which participants may register themselves: from registrationOpensAt (or at once)
 * to registrationClosesAt (or until the event ends — a fair that runs for days still takes
 * visitors on its second day). The `register` mutation and the event's public page both ask here.
 */
export function registrationWindow(
  event: Pick<Event, 'registrationOpensAt' | 'registrationClosesAt' | 'endsAt'>,
  now = Date.now(),
): RegistrationWindow {
  if (event.registrationOpensAt && now < event.registrationOpensAt.getTime()) return 'NOT_YET_OPEN';
  if (event.registrationClosesAt && now > event.registrationClosesAt.getTime()) return 'CLOSED';
  if (now > event.endsAt.getTime()) return 'CLOSED';
  return 'OPEN';
}
