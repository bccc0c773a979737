import { boothKey, normalizeBooth, sameBooth } from './booth-label';

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

describe('boothKey', () => {
  it('reads a number with or without leading zeros, and any separator, as the one booth', () => {
    for (const typed of [
      'B-1',
      'B-01',
      'b-001',
      'B1',
      'B 1',
      'B - 01',
      'Ｂ－１',
      'Ｂ－０１',
      'ブース B-01',
      'Bー01',
    ])
      expect(boothKey(typed)).toBe('B-1');
  });

  it('keeps booths apart that a floor plan tells apart', () => {
    expect(boothKey('A-1-2')).not.toBe(boothKey('A-12'));
    expect(boothKey('A-10')).not.toBe(boothKey('A-1'));
    expect(boothKey('A-1')).not.toBe(boothKey('B-1'));
    expect(boothKey('東 ホール 0')).toBe('東-ホール-0');
    expect(boothKey('-')).toBe('-');
    expect(boothKey('  ')).toBeNull();
  });

  it('compares two labels, none being none', () => {
    expect(sameBooth('B-01', 'b1')).toBe(true);
    expect(sameBooth(null, '　')).toBe(true);
    expect(sameBooth('B-01', null)).toBe(false);
  });
});
