/**
 * Numbers in circles or brackets (①, ⑴, ㉑) keep their form: NFKC would turn 金属プレス① into
 * 金属プレス1, a different product line to its reader.
 */
const ENCLOSED_NUMBERS = /([\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+)/u;

/**
 * Offers, needs and themes are stored as normalised tags so that 「ＤＸ」, 「DX 」 and 「dx」 are one tag:
 * NFKC (full-width → half-width Latin, half-width katakana → full-width) except for enclosed
 * numbers, trimmed, inner whitespace collapsed, empties dropped, duplicates (ignoring Latin case)
 * removed in first-seen order.
 */
export function normalizeTag(value: string): string {
  return value
    .split(ENCLOSED_NUMBERS)
    .map((part, index) => (index % 2 === 1 ? part : part.normalize('NFKC')))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function normalizeTags(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const tag = normalizeTag(value);
    if (tag && !byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  }
  return [...byKey.values()];
}

/** Splits a spreadsheet cell like 「販路開拓、DX／事業承継」 into tags. */
export function splitTags(cell: string): string[] {
  return normalizeTags(cell.split(/[,、，;；/／|｜\n]+/u));
}
