import { EDITABLE_EVENT_STATUSES } from './event-status';
import { Event } from './event.entity';

/**
 * 参加登録数, one figure under one name wherever staff read it (the events list and events.csv, an
 * event's report, the 年度 report): the registrations that took a seat — 参加登録済, 出席 and 欠席 —
 * so that the events' figures add up to the year's. Invitations not answered, the waiting list,
 * cancellations and 辞退 are not 参加登録; the event report lists them under 申込・招待の総数.
 */
export const COUNTED_REGISTRATION_STATUSES: readonly string[] = ['REGISTERED', 'ATTENDED', 'NO_SHOW'];

/** What 参加登録数 counts, as the CSVs say it for whoever reads them without the schema. */
export const REGISTRATIONS_BASIS =
  '参加登録済・出席・欠席の登録（招待中・キャンセル待ち・キャンセル・辞退は含まない）';

/**
 * An event's registrations by state. `registrations` is 参加登録数 (see above); `registered` is
 * those with a seat not recorded absent (参加登録済 and 出席). The capacity counts `absent` too:
 * someone recorded 欠席 keeps their seat (see seatsLeft).
 */
export interface RegistrationCounts {
  registrations: number;
  registered: number;
  waitlisted: number;
  attended: number;
  /** 欠席: held a seat and did not come (参加登録数 and the capacity count them with the rest). */
  absent: number;
  /** Invited and not answered yet. */
  invited: number;
}

export const NO_REGISTRATIONS: RegistrationCounts = {
  registrations: 0,
  registered: 0,
  waitlisted: 0,
  attended: 0,
  absent: 0,
  invited: 0,
};

/**
 * 残席: seats not yet given (never below 0 after a capacity cut); someone recorded 欠席 still holds
 * theirs, as RegistrationsService counts it when it gives seats, so that recording attendance
 * changes nobody's seat. null without a capacity, and once the event is over or called off. Over means its end has passed, whether or not staff have closed
 * it yet: nobody can take a seat at an event that has ended. None while anyone waits: once the
 * event has started the waiting list no longer moves, and a seat given up or added then is not
 * for a newcomer to take ahead of them (registering puts them on the list too).
 */
export function seatsLeft(
  event: Pick<Event, 'capacity' | 'status' | 'endsAt'>,
  counts: Pick<RegistrationCounts, 'registered' | 'absent' | 'waitlisted'>,
  now = Date.now(),
): number | null {
  if (event.capacity === null || !EDITABLE_EVENT_STATUSES.includes(event.status)) return null;
  if (event.endsAt.getTime() <= now) return null;
  if (counts.waitlisted > 0) return 0;
  return Math.max(0, event.capacity - counts.registered - counts.absent);
}
