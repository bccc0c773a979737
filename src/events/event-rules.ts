import { Event } from './event.entity';
import { EventKind, MINI_SALON_MAX_CAPACITY } from './event-enums';
import { EventErrors } from './events.errors';

type EventShape = Pick<
  Event,
  | 'kind'
  | 'startsAt'
  | 'endsAt'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'capacity'
  | 'venue'
  | 'onlineUrl'
>;

/** The rules an event must satisfy after any create or update; the first broken one is thrown. */
export function assertEventRules(event: EventShape): void {
  if (event.endsAt.getTime() <= event.startsAt.getTime()) throw EventErrors.endBeforeStart();
  if (
    event.registrationOpensAt &&
    event.registrationClosesAt &&
    event.registrationClosesAt <= event.registrationOpensAt
  ) {
    throw EventErrors.registrationWindow('registrationClosesAt', '申込締切は受付開始より後にしてください');
  }
  if (event.registrationClosesAt && event.registrationClosesAt > event.endsAt) {
    throw EventErrors.registrationWindow(
      'registrationClosesAt',
      '申込締切はイベント終了より前にしてください',
    );
  }
  if (event.registrationOpensAt && event.registrationOpensAt >= event.endsAt) {
    throw EventErrors.registrationWindow('registrationOpensAt', '受付開始はイベント終了より前にしてください');
  }
  if (
    event.kind === EventKind.MINI_SALON &&
    (event.capacity === null || event.capacity > MINI_SALON_MAX_CAPACITY)
  ) {
    throw EventErrors.miniSalonTooLarge(MINI_SALON_MAX_CAPACITY);
  }
  if (!event.venue?.trim() && !event.onlineUrl?.trim()) throw EventErrors.noPlace();
}
