import { conceptById, findConcepts } from './concepts';
import { glossaryEnglish } from './glossary';
import { normalizeText } from './text-features';

/** Kana and kanji: words an English reader may not be able to read. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const MAX_LABELS = 2;

/**
 * A participant's Japanese words in English: the glossary's translation where it has the words
 * ('輸入商材' → 'imported goods', 'ガラス加工' → 'glass processing'), otherwise what the thesaurus
 * knows them as ('EC構築支援' → 'online shop'); null for words in Latin script or unknown to both.
 * The words themselves stay as written beside it: they are what the other side wrote and will say.
 */
export function englishGloss(phrase: string): string | null {
  if (!JAPANESE.test(phrase)) return null;
  const translated = glossaryEnglish(phrase);
  if (translated) return translated;
  const labels = findConcepts(normalizeText(phrase))
    .slice(0, MAX_LABELS)
    .map((id) => conceptById(id)?.en)
    .filter((label): label is string => !!label);
  return labels.length > 0 ? labels.join(', ') : null;
}

/** A phrase quoted for an English sentence, with its gloss: `'販路開拓' (new sales channels)`. */
export function quotedForEnglish(phrase: string): string {
  const gloss = englishGloss(phrase);
  return gloss ? `'${phrase}' (${gloss})` : `'${phrase}'`;
}

/**
 * Japanese tags (or themes) for a list an English reader reads, each with its English beside it,
 * once for a run of tags that mean the same: 「ネット通販, オンライン販売 (online shop)」, not the
 * gloss after each.
 */
export function glossedTags(tags: string[]): string[] {
  const glosses = tags.map((tag) => englishGloss(tag));
  return tags.map((tag, index) => {
    const gloss = glosses[index];
    return gloss && glosses[index + 1] !== gloss ? `${tag} (${gloss})` : tag;
  });
}
