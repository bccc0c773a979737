/**
 * Old and variant forms of kanji common in names (異体字), each with the form most lists use: the
 * same person is 髙橋 in one Excel list and 高橋 in another, 齋藤 on a business card and 斎藤 in a
 * form. Only forms that are one character for the other; NFKC already folds full-width letters,
 * half-width kana, the ideographic space and the compatibility ideographs (塚 U+FA10 is 塚).
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
  ['曾', '曽'],
  ['冨', '富'],
  ['槇', '槙'],
  ['黑', '黒'],
  ['眞', '真'],
  ['淺', '浅'],
  ['條', '条'],
  ['關', '関'],
  ['靑', '青'],
  ['冲', '沖'],
  ['槗', '橋'],
  ['桒', '桑'],
  ['舘', '館'],
  ['嶋', '島'],
  ['嶌', '島'],
  ['嶽', '岳'],
  ['峯', '峰'],
  ['埜', '野'],
  ['莊', '荘'],
  ['圓', '円'],
  ['萬', '万'],
  ['彌', '弥'],
  ['禮', '礼'],
  ['鐵', '鉄'],
  ['劔', '剣'],
  ['劒', '剣'],
  ['龜', '亀'],
  ['驒', '騨'],
  ['稻', '稲'],
  ['瀧', '滝'],
  ['邨', '村'],
  ['栁', '柳'],
  ['碕', '崎'],
  ['靜', '静'],
  ['晉', '晋'],
  ['淸', '清'],
  ['兒', '児'],
  ['來', '来'],
  ['戶', '戸'],
  ['增', '増'],
];

const FOLD = new Map(NAME_VARIANTS);
const VARIANT_CHARACTERS = NAME_VARIANTS.map(([variant]) => variant).join('');
const COMMON_CHARACTERS = NAME_VARIANTS.map(([, common]) => common).join('');

/**
 * Dropped before comparing: spaces (「山田 太郎」 with a full-width space, a half-width one or none is
 * one person) and variation selectors (葛 followed by an ideographic variation selector, typed
 * where a register needs the exact glyph, is still 葛). The same class in JavaScript and in
 * Postgres' regular expressions.
 */
const IGNORED = '[\\s\\uFE00-\\uFE0F\\U000E0100-\\U000E01EF]';
const IGNORED_JS = /[\s\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/**
 * A name as the same person's other records would have it: NFKC, variant kanji folded, no spaces
 * or variation selectors. For comparing, never for showing.
 */
export function nameKey(name: string): string {
  return Array.from(name.normalize('NFKC'), (character) => FOLD.get(character) ?? character)
    .join('')
    .replace(IGNORED_JS, '');
}

/**
 * A name's character and the other forms of it that nameKey folds together (髙 → 高, 髙), the
 * common form first; a character without variants alone.
 */
export function nameVariantsOf(character: string): string[] {
  const common = FOLD.get(character) ?? character;
  return [common, ...NAME_VARIANTS.filter(([, to]) => to === common).map(([variant]) => variant)];
}

/** The same person by name, whatever the spacing, width and variant kanji it was typed with. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** nameKey in SQL, of a text expression (the database must be UTF-8 for normalize). */
export function nameKeySql(expression: string): string {
  return `translate(regexp_replace(normalize(${expression}, NFKC), '${IGNORED}', '', 'g'), '${VARIANT_CHARACTERS}', '${COMMON_CHARACTERS}')`;
}
