import { getNextMillis } from 'bullmq';
import { startOfTokyoDay } from '../common/japan/tokyo-day';
import { TOKYO } from '../common/time/tokyo-time';

/**
 * Whether the day's reminder scan (`pattern`, REMINDER_CRON, in Asia/Tokyo) has come at `now`: its
 * first time that Tokyo day is past. Until then the scan will find whoever holds a seat; after it,
 * someone given one (or an event moved to tomorrow) is missed unless reminded at once. Read from
 * the schedule rather than a record of the run: a scan that failed and is tried again, or runs
 * late, adds nothing to what was written meanwhile (the same keys), and nothing is to be kept.
 */
export function reminderScanHasCome(pattern: string, now: Date): boolean {
  const first = getNextMillis(startOfTokyoDay(now).getTime() - 1, { pattern, tz: TOKYO });
  return first !== undefined && first <= now.getTime();
}
