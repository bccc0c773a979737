/**
 * Text features for Japanese (and some English) free text without a dictionary:
 * character bigrams and trigrams over NFKC-normalised text, with Latin words kept whole.
 * Hiragana-only grams are dropped because they are almost always particles and verb endings
 * (して, ます, たい) that say nothing about what a business needs or offers.
 */

/** A feature found in a text, with its character span so a reason can quote the matched phrase. */
export interface TextFeature {
  feature: string;
  start: number;
  end: number;
}

/** Turns normalised text into features. The default is `characterNgrams`; evaluation can swap in a tokenizer. */
export type TextAnalyzer = (normalizedText: string) => TextFeature[];

/** NFKC folds full-width Latin/digits and half-width katakana, so 'ＥＣ' and 'EC' and 'ｴｸｾﾙ' compare equal. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Tag identity ignores spacing and case: 'EC 構築' and 'ec構築' are the same tag. */
export function normalizeTag(tag: string): string {
  return normalizeText(tag).replace(/[\s・･]/g, '');
}

const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;
const LATIN_OR_DIGIT = /[a-z0-9]/;
// Punctuation and brackets split a text into segments; grams never cross them.
const SEPARATOR =
  /[\s、。,.，．!！?？「」『』（）()［］[\]【】〈〉《》:：;；/／〜~'"“”‘’・･…\-–—+＋&＆#＃%％@＠*＊=＝|｜<>]/;

// Boilerplate that appears in almost every profile regardless of what the business does.
const STOP_GRAMS = new Set([
  '弊社',
  '当社',
  '御社',
  '貴社',
  '希望',
  '可能',
  '対応',
  '提供',
  '募集',
  '探し',
  '探して',
  '求め',
  '求めて',
  '検討',
  '検討中',
  '興味',
  '関心',
  'お願',
  '願い',
  '方法',
  '企業',
  '会社',
  '事業者',
  '事業',
  '業者',
  '皆様',
  '地域',
  // Every maker and shop speaks of its products: 「自社製品」 on both sides is no reason to meet.
  '自社',
  '製品',
  '商品',
]);

export const characterNgrams: TextAnalyzer = (text) => {
  const out: TextFeature[] = [];
  let segmentStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SEPARATOR.test(text[i])) continue;
    gramsOfSegment(text, segmentStart, i, out);
    segmentStart = i + 1;
  }
  return out;
};

function gramsOfSegment(text: string, from: number, to: number, out: TextFeature[]): void {
  let i = from;
  while (i < to) {
    // A run of Latin letters/digits is one word ('iot', 'dx', 'bcp'); bigrams of it would be noise.
    if (LATIN_OR_DIGIT.test(text[i])) {
      let j = i;
      while (j < to && LATIN_OR_DIGIT.test(text[j])) j++;
      const word = text.slice(i, j);
      if (!/^\d+$/.test(word)) out.push({ feature: word, start: i, end: j });
      i = j;
      continue;
    }
    let j = i;
    while (j < to && !LATIN_OR_DIGIT.test(text[j])) j++;
    for (let k = i; k < j; k++) {
      for (const n of [2, 3]) {
        if (k + n > j) break;
        const gram = text.slice(k, k + n);
        if (HIRAGANA_ONLY.test(gram) || STOP_GRAMS.has(gram)) continue;
        out.push({ feature: gram, start: k, end: k + n });
      }
    }
    i = j;
  }
}

/**
 * Words too general to say what two businesses have in common: a reason quoting only one of them
 * (「『支援』に関する記述が一致します」) tells the reader nothing, and 加工 pairs glass processing with
 * a need for precision machining. They still count in the score.
 */
const TOO_GENERAL_TO_QUOTE = new Set([
  '加工',
  '製造',
  '製作',
  '制作',
  '生産',
  '開発',
  '販売',
  '技術',
  '支援',
  '相談',
  '紹介',
  '連携',
  '協力',
  '情報',
  '活用',
  '提案',
  '案内',
  '取引',
  '経営',
  'サポート',
  'サービス',
]);

type Script = 'katakana' | 'kanji' | 'latin' | 'hiragana' | 'other';

function scriptOf(char: string): Script {
  if (/[\u30a1-\u30fa\u30fc]/.test(char)) return 'katakana';
  if (/[\u4e00-\u9fff\u3005]/.test(char)) return 'kanji';
  if (LATIN_OR_DIGIT.test(char)) return 'latin';
  if (/[\u3041-\u309f]/.test(char)) return 'hiragana';
  return 'other';
}

/**
 * The part of text[start, end) made of whole words, as far as script runs tell without a
 * dictionary: a katakana or Latin run counts only when all of it is inside ('イン' of デザイン or
 * インターン is no word), a kanji run when all of it is, or at least two characters from its start
 * or its end (人材 of 人材戦略, 開拓 of 販路開拓; not 材戦). The longest such stretch, or ''.
 */
function wholeWords(text: string, start: number, end: number): string {
  let best = '';
  let runStart = start;
  let current = '';
  let k = start;
  while (k < end) {
    const script = scriptOf(text[k]);
    let unitStart = k;
    while (unitStart > 0 && scriptOf(text[unitStart - 1]) === script) unitStart--;
    let unitEnd = k;
    while (unitEnd < text.length && scriptOf(text[unitEnd]) === script) unitEnd++;
    const pieceEnd = Math.min(unitEnd, end);
    const whole = k === unitStart && pieceEnd === unitEnd;
    const kanjiEdge = script === 'kanji' && pieceEnd - k >= 2 && (k === unitStart || pieceEnd === unitEnd);
    const keep = whole || kanjiEdge || script === 'hiragana' || script === 'other';
    if (keep && (whole || kanjiEdge || current)) {
      if (!current) runStart = k;
      current = text.slice(runStart, pieceEnd);
    } else {
      current = '';
    }
    if (current.length > best.length) best = current;
    k = pieceEnd;
  }
  return best.replace(/^[\u3041-\u309f\s]+/, '').replace(/[\u3041-\u309f\s]+$/, '');
}

/**
 * The longest phrase of `text` covered by matched features, trimmed of leading/trailing hiragana,
 * e.g. 'ホームページ制作' from 'ホームページ制作を依頼したい'. Used to name what a text match was about,
 * so only whole words are quoted (n-grams match parts of words: イン in both インターン and
 * デザイン) and never a word too general to say anything (支援).
 */
export function bestMatchedPhrase(
  text: string,
  analyzer: TextAnalyzer,
  weightOf: (feature: string) => number,
): string | undefined {
  const cover = new Float64Array(text.length);
  const hit = new Uint8Array(text.length);
  for (const f of analyzer(text)) {
    const w = weightOf(f.feature);
    if (w <= 0) continue;
    for (let k = f.start; k < f.end; k++) {
      hit[k] = 1;
      cover[k] = Math.max(cover[k], w);
    }
  }
  const spans: { start: number; end: number; weight: number }[] = [];
  let k = 0;
  while (k < text.length) {
    if (!hit[k]) {
      k++;
      continue;
    }
    let end = k;
    let weight = 0;
    while (end < text.length && hit[end]) weight += cover[end++];
    spans.push({ start: k, end, weight });
    k = end;
  }
  // Heaviest first; the first span that still holds a quotable word names the match.
  spans.sort((x, y) => y.weight - x.weight);
  for (const span of spans) {
    const phrase = wholeWords(text, span.start, span.end);
    if (phrase.length >= 2 && !tooGeneralToQuote(phrase)) return phrase;
  }
  return undefined;
}

/**
 * Whether a phrase says nothing but general words, joined by particles or not: 「加工」, 「加工に対応」.
 * Boilerplate can come in through a longer gram (対応 of 「対応し」): never quoted either.
 */
function tooGeneralToQuote(phrase: string): boolean {
  return phrase
    .split(/[\u3041-\u309f]+/)
    .filter(Boolean)
    .every((word) => TOO_GENERAL_TO_QUOTE.has(word) || STOP_GRAMS.has(word));
}
