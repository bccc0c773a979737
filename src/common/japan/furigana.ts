/**
 * フリガナ: full-width katakana with the long-vowel mark, middle dot and spaces between
 * family and given name. Input is NFKC-normalised first, so half-width ｶﾀｶﾅ from old Excel
 * sheets is accepted and stored as full-width.
 */
const KATAKANA = /^[\u30A0-\u30FF\u3000 ]+$/u;

export function normalizeFurigana(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

export function isKatakana(value: string): boolean {
  const normalized = normalizeFurigana(value);
  return normalized.length > 0 && KATAKANA.test(normalized);
}
