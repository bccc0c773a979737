/**
 * A morphological-analysis alternative to character n-grams, used only to compare the two in
 * evaluate.ts. Features are the base forms of content words plus adjacent noun pairs, so that
 * 販路 + 開拓 also matches as the compound 販路開拓.
 */
import path from 'node:path';
import kuromoji from 'kuromoji';
import { TextAnalyzer, TextFeature } from '../../src/matching/engine';

const CONTENT_POS = new Set(['名詞', '動詞', '形容詞']);
const SKIP_DETAIL = new Set(['非自立', '代名詞', '数', '接尾', '副詞可能']);
const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;

export async function createKuromojiAnalyzer(): Promise<TextAnalyzer> {
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  const tokenizer = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((error, built) => (error ? reject(error) : resolve(built))),
  );
  return (text) => {
    const out: TextFeature[] = [];
    let previousNoun: TextFeature | undefined;
    for (const token of tokenizer.tokenize(text)) {
      const start = token.word_position - 1;
      const end = start + token.surface_form.length;
      const base = token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form;
      const content =
        CONTENT_POS.has(token.pos) &&
        !SKIP_DETAIL.has(token.pos_detail_1) &&
        !(HIRAGANA_ONLY.test(base) && base.length <= 2);
      if (!content) {
        previousNoun = undefined;
        continue;
      }
      const feature = { feature: base, start, end };
      out.push(feature);
      if (token.pos === '名詞') {
        if (previousNoun) {
          out.push({ feature: previousNoun.feature + base, start: previousNoun.start, end });
        }
        previousNoun = feature;
      } else {
        previousNoun = undefined;
      }
    }
    return out;
  };
}
