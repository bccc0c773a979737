/**
 * Kana (full- and half-width) and kanji (with the compatibility ideographs, as in 﨑): a text
 * holding any is one an English reader may not be able to read.
 */
export const JAPANESE_TEXT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
