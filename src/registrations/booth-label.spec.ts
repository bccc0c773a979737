import { normalizeBooth } from './booth-label';

describe('normalizeBooth', () => {
  it('reads full-width, lower-case and spaced labels as the one booth', () => {
    for (const typed of [
      'A-03',
      'Ａ－０３',
      'a-03',
      ' A-03 ',
      'A‐03',
      'A−03',
      'ブース A-03',
      'ﾌﾞｰｽ　ａ－03',
      'Ａー０３',
      'Aｰ03',
    ])
      expect(normalizeBooth(typed)).toBe('A-03');
  });

  it('collapses inner whitespace', () => {
    expect(normalizeBooth('東 ホール　 12')).toBe('東 ホール 12');
    // A long-vowel mark in a word is one.
    expect(normalizeBooth('センター-01')).toBe('センター-01');
  });

  it('treats an empty or blank label as no booth', () => {
    expect(normalizeBooth('')).toBeNull();
    expect(normalizeBooth(' 　')).toBeNull();
    expect(normalizeBooth(null)).toBeNull();
    expect(normalizeBooth(undefined)).toBeNull();
  });
});
