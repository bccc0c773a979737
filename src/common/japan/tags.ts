/**
 * Offers, needs and themes are stored as normalised tags so that 「ＤＸ」, 「DX 」 and 「dx」 are one tag:
 * NFKC (full-width → half-width Latin, half-width katakana → full-width), trimmed, inner whitespace
 * collapsed, empties dropped, duplicates (ignoring Latin case) removed in first-seen order.
 */
export function normalizeTag(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
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
