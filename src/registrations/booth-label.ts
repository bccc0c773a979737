/** Dashes an IME gives in place of the hyphen staff mean: ‐ ‑ ‒ – — ― and the minus sign −. */
const DASHES = /[\u2010-\u2015\u2212]/gu;
/** The long-vowel mark a Japanese IME types for "-" in full-width mode (Ａー０３), between letters or digits only: ホール keeps its ー. */
const LONG_VOWEL_AS_DASH = /(?<=[0-9A-Za-z])ー(?=[0-9A-Za-z])/gu;

/**
 * A booth as staff type it and as the floor plan prints it are one booth: 「Ａ－０３」, 「a-03」,
 * 「A-03 」 and 「ブース A-03」 are all A-03. Read the way a table is (MeetingsService.tableFor:
 * NFKC, so full-width letters, digits and hyphens count as half-width, and the word the sheet puts
 * in front dropped), then spaces collapsed and letters upper-cased, since no two booths of a floor
 * plan differ only by case. Nothing left means no booth.
 */
export function normalizeBooth(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const booth = value
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(LONG_VOWEL_AS_DASH, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(ブース|booth)\s*/iu, '')
    .toUpperCase();
  return booth || null;
}

/**
 * Which booth a label names, for comparing and counting only: 「B-01」, 「B-1」, 「B1」 and
 * 「Ｂ － ０１」 are one booth. On top of normalizeBooth, a booth is its runs of digits and of other
 * characters, whatever separates them (a hyphen, a space or nothing), and a number is its value
 * (no floor plan has a B-1 beside a B-01). Runs stay apart: A-1-2 is not A-12. Null for no booth.
 *
 * Staff see the label as it was first typed at the event (the floor plan's 「B-01」), not this key:
 * RegistrationsService writes every holder of a booth with that one spelling, so the meetings
 * placed there, the database's one-meeting-per-booth-and-slot index and the scheduler all see one
 * booth however the next colleague typed it.
 */
export function boothKey(value: string | null | undefined): string | null {
  const booth = normalizeBooth(value);
  if (booth === null) return null;
  const runs = booth.match(/[0-9]+|[^0-9\s-]+/gu) ?? [];
  const key = runs.map((run) => (/^[0-9]/u.test(run) ? run.replace(/^0+(?=[0-9])/u, '') : run)).join('-');
  return key || booth;
}

/** Whether two labels name one booth (both none counts as the same). */
export function sameBooth(a: string | null | undefined, b: string | null | undefined): boolean {
  return boothKey(a) === boothKey(b);
}
