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

  it('quotes only whole words, and no word too general to tell anything', () => {
    const quote = (need: string, offer: string) => {
      const offered = new Set(characterNgrams(normalizeText(offer)).map((f) => f.feature));
      return bestMatchedPhrase(normalizeText(need), characterNgrams, (f) => (offered.has(f) ? 1 : 0));
    };
    // インターン and デザイン share only the gram イン, which is no word.
    expect(quote('インターンの受け入れ先を探しています', 'パッケージのデザインを承ります')).toBeUndefined();
    // A kanji compound may be quoted by its first or last word, not by its middle.
    expect(quote('人材戦略を考えたい', '人材育成の研修を行います')).toBe('人材');
    expect(quote('人材戦略を考えたい', '教材戦術の研究')).toBeUndefined();
    // 支援 matches, but says nothing about what the two have in common.
    expect(quote('販路開拓の支援をお願いしたい', '創業支援を行っています')).toBeUndefined();
    // Nor boilerplate that comes in through a longer gram: 対応 of 「対応し」.
    expect(quote('小ロットに対応してくれる工場', '短納期に対応します')).toBeUndefined();
    // Every maker has products: a glassworks and a leather shop have nothing in common by it.
    expect(quote('自社製品の海外への販路を広げたい', '革製品の修理・製品加工を承ります')).toBeUndefined();
  });
});
