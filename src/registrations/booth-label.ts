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
