/**
 * Old and variant forms of kanji common in names (異体字), each with the form most lists use: the
 * same person is 髙橋 in one Excel list and 高橋 in another, 齋藤 on a business card and 斎藤 in a
 * form. Only forms that are one character for the other; NFKC already folds full-width letters,
 * half-width kana and the ideographic space.
 */
const NAME_VARIANTS: [variant: string, common: string][] = [
  ['髙', '高'],
  ['﨑', '崎'],
  ['嵜', '崎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['澤', '沢'],
  ['齋', '斎'],
  ['齊', '斉'],
  ['濵', '浜'],
  ['濱', '浜'],
  ['國', '国'],
  ['廣', '広'],
  ['櫻', '桜'],
  ['榮', '栄'],
  ['德', '徳'],
  ['惠', '恵'],
  ['藏', '蔵'],
  ['瀨', '瀬'],
  ['實', '実'],
  ['壽', '寿'],
  ['𠮷', '吉'],
];

const FOLD = new Map(NAME_VARIANTS);
const VARIANT_CHARACTERS = NAME_VARIANTS.map(([variant]) => variant).join('');
const COMMON_CHARACTERS = NAME_VARIANTS.map(([, common]) => common).join('');

/**
 * A name as the same person's other records would have it: NFKC, variant kanji folded, no spaces
 * (「山田 太郎」 with a full-width space, a half-width one or none is one person). For comparing, never for showing.
 */
export function nameKey(name: string): string {
  return Array.from(name.normalize('NFKC'), (character) => FOLD.get(character) ?? character)
    .join('')
    .replace(/\s+/gu, '');
}

/** The same person by name, whatever the spacing, width and variant kanji it was typed with. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** nameKey in SQL, of a text expression (the database must be UTF-8 for normalize). */
export function nameKeySql(expression: string): string {
  return `translate(regexp_replace(normalize(${expression}, NFKC), '\\s', '', 'g'), '${VARIANT_CHARACTERS}', '${COMMON_CHARACTERS}')`;
}
