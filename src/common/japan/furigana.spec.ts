import { isKatakana, normalizeFurigana } from './furigana';

describe('フリガナ', () => {
  it('accepts full-width katakana with a space, long vowel mark and middle dot', () => {
    expect(isKatakana('タカハシ ケンイチ')).toBe(true);
    expect(isKatakana('スズキ　コーイチ')).toBe(true);
    expect(isKatakana('ジョン・スミス')).toBe(true);
  });

  it('accepts half-width katakana from old spreadsheets and stores it full-width', () => {
    expect(isKatakana('ﾀｶﾊｼ ｹﾝｲﾁ')).toBe(true);
    expect(normalizeFurigana('ﾀｶﾊｼ  ｹﾝｲﾁ')).toBe('タカハシ ケンイチ');
  });

  it('accepts hiragana and stores it in katakana', () => {
    expect(isKatakana('たかはし けんいち')).toBe(true);
    expect(normalizeFurigana('なかの　かずや')).toBe('ナカノ カズヤ');
    expect(normalizeFurigana('さゝき・じゅん')).toBe('サヽキ・ジュン');
  });

  it('rejects kanji, Latin letters and empty text', () => {
    expect(isKatakana('髙橋')).toBe(false);
    expect(isKatakana('Takahashi')).toBe(false);
    expect(isKatakana('  ')).toBe(false);
  });
});
