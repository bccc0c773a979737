/**
 * How long the "always true" answers (a sign-in link, a password reset) take at least. Asking for
 * an address with an account writes an email under a row lock; asking for one without returns at
 * once — a few milliseconds apart here, which a client timing many requests could tell. Both now
 * answer after this floor, far above what the slower way takes on a working database.
 */
export const ALWAYS_TRUE_ANSWER_MS = 200;

/**
 * Runs `work` and settles no sooner than `ms` after the call, whichever way the work went (a
 * failure too waits, then throws), so the time of the answer says nothing about the way.
 */
export async function noSoonerThan<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const floor = new Promise((resolve) => setTimeout(resolve, ms));
  try {
    return await work();
  } finally {
    await floor;
  }
}
