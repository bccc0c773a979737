/**
 * フリガナ: full-width katakana with the long-vowel mark, middle dot and spaces between
 * family and given name. Input is NFKC-normalised first, so half-width ｶﾀｶﾅ from old Excel
 * sheets is accepted and stored as full-width; so is ふりがな in hiragana, stored in katakana,
 * which is also how a search by reading finds either.
 */
const KATAKANA = /^[\u30A0-\u30FF\u3000 ]+$/u;

/** ぁ–ゖ and the iteration marks ゝゞ; katakana is the same letter 0x60 further on. */
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/gu;

export function normalizeFurigana(value: string): string {
  return value
    .normalize('NFKC')
    .replace(HIRAGANA, (letter) => String.fromCharCode(letter.charCodeAt(0) + 0x60))
    .replace(/\s+/gu, ' ')
    .trim();
}

export function isKatakana(value: string): boolean {
  const normalized = normalizeFurigana(value);
  return normalized.length > 0 && KATAKANA.test(normalized);
}
