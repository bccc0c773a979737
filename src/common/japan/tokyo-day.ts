/** Japan has one time zone and no daylight saving: Asia/Tokyo is always UTC+9. */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 86_400_000;

/** The instant the Tokyo calendar day holding `instant` began (00:00 JST). */
export function startOfTokyoDay(instant: Date): Date {
  return new Date(Math.floor((instant.getTime() + TOKYO_OFFSET_MS) / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS);
}
