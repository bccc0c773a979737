import { Event } from '../events/event.entity';

/** A change of the 申込締切 that invitees who have not answered must hear of. */
export interface DeadlineNews {
  /** The 申込締切 now; null: taken away after it had passed, so answers are taken again. */
  closesAt: Date | null;
  /** The one before the change, if there was one. */
  wasClosesAt: Date | null;
}

/**
 * Whether an edit of the 申込締切 is news to an invitee who has not answered. Their invitation
 * said 「開催終了まで有効」 or another date, and after the deadline 参加する is refused.
 *
 * - set, moved earlier: news, or they would find 参加する refused.
 * - moved later: news as well: a deadline that had passed is open again (staff extend it for those
 *   who missed it), and one still ahead gives more time than the invitation said.
 * - removed: news only when the old one had passed (answers are taken again until the event
 *   ends); before that, the invitation's earlier date only asks them sooner than needed.
 * - set to a time already past: nobody can answer by it, so it is no news.
 *
 * `before` is the deadline the invitee knows: the one they were last told of (deadlinesTold), or
 * the one before the edit if they were told of no change. A change that was no news told them
 * nothing, so a later move back to the one they know is no news either.
 */
export function deadlineNews(
  before: Pick<Event, 'registrationClosesAt'>,
  after: Pick<Event, 'registrationClosesAt'>,
  now = Date.now(),
): DeadlineNews | null {
  const was = before.registrationClosesAt ?? null;
  const closesAt = after.registrationClosesAt ?? null;
  if ((was?.getTime() ?? null) === (closesAt?.getTime() ?? null)) return null;
  const reopened = closesAt === null && was !== null && was.getTime() <= now;
  if (closesAt === null ? !reopened : closesAt.getTime() <= now) return null;
  return { closesAt, wasClosesAt: was };
}
