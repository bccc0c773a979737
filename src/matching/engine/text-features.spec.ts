import { bestMatchedPhrase, characterNgrams, normalizeTag, normalizeText } from './text-features';

describe('text features', () => {
  it('folds full-width and half-width forms and case', () => {
    expect(normalizeText('ＥＣサイト　構築')).toBe('ecサイト 構築');
    expect(normalizeText('ｱﾌﾟﾘ開発')).toBe('アプリ開発');
    expect(normalizeTag('EC 構築・支援')).toBe('ec構築支援');
  });

  it('makes kanji/katakana bigrams and trigrams, drops particles and keeps Latin words whole', () => {
    const features = characterNgrams(normalizeText('IoTで工場を見える化したい')).map((f) => f.feature);
    expect(features).toContain('iot');
    expect(features).toContain('工場');
    expect(features).toContain('見える');
    expect(features).not.toContain('したい');
    expect(features).not.toContain('した');
    expect(features).not.toContain('io');
  });

  it('never builds a gram across punctuation', () => {
    const features = characterNgrams('販路、開拓').map((f) => f.feature);
    expect(features).toEqual(['販路', '開拓']);
  });

  it('quotes the longest matched phrase without its particles', () => {
    const text = normalizeText('古くなったホームページを作り直したい');
    const offered = new Set(characterNgrams('ホームページ制作').map((f) => f.feature));
    expect(bestMatchedPhrase(text, characterNgrams, (f) => (offered.has(f) ? 1 : 0))).toBe('ホームページ');
  });
});
