import { EDITABLE_EVENT_STATUSES } from './event-status';
import { Event } from './event.entity';

/** An event's registrations by state: `registered` includes those who have since attended. */
export interface RegistrationCounts {
  registered: number;
  waitlisted: number;
  attended: number;
  /** 欠席: held a seat and did not come (the 年度 report's 参加登録数 counts them with the rest). */
  absent: number;
  /** Invited and not answered yet. */
  invited: number;
}

export const NO_REGISTRATIONS: RegistrationCounts = {
  registered: 0,
  waitlisted: 0,
  attended: 0,
  absent: 0,
  invited: 0,
};

/**
 * 残席: seats not yet given (never below 0 after a capacity cut); null without a capacity, and once
 * the event is over or called off. Over means its end has passed, whether or not staff have closed
 * it yet: nobody can take a seat at an event that has ended.
 */
export function seatsLeft(
  event: Pick<Event, 'capacity' | 'status' | 'endsAt'>,
  counts: Pick<RegistrationCounts, 'registered'>,
  now = Date.now(),
): number | null {
  if (event.capacity === null || !EDITABLE_EVENT_STATUSES.includes(event.status)) return null;
  if (event.endsAt.getTime() <= now) return null;
  return Math.max(0, event.capacity - counts.registered);
}
