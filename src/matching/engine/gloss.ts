import { conceptById, findConcepts } from './concepts';
import { normalizeText } from './text-features';

/** Kana and kanji: words an English reader may not be able to read. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const MAX_LABELS = 2;

/**
 * What the thesaurus knows a participant's Japanese words as, in English: '販路開拓' → 'new sales
 * channels', 'EC構築支援' → 'online shop'; null for words in Latin script or unknown to it. The
 * words themselves stay as written beside it: they are what the other side wrote and will say.
 */
export function englishGloss(phrase: string): string | null {
  if (!JAPANESE.test(phrase)) return null;
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
