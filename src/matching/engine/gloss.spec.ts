import { englishGloss, glossedTags, quotedForEnglish } from './gloss';

describe('englishGloss', () => {
  it('says in English what Japanese tags are about', () => {
    expect(englishGloss('販路開拓')).toBe('new sales channels');
    expect(englishGloss('EC構築支援')).toBe('online shop');
    expect(englishGloss('金属加工')).toBe('metalworking');
    expect(englishGloss('和菓子')).toBe('Japanese sweets');
    // 技能承継 hands on skills, not the business.
    expect(englishGloss('技能承継')).toBe('passing on skills');
    expect(englishGloss('事業承継')).toBe('business succession');
  });

  it('translates a word that holds a thesaurus term rather than naming the term’s topic', () => {
    // 輸入 is a term of overseas expansion, 資材 of purchasing, 調達 of sourcing.
    expect(englishGloss('輸入商材')).toBe('imported goods');
    expect(englishGloss('産業資材')).toBe('industrial materials');
    expect(englishGloss('資金調達')).toBe('financing');
  });

  it('translates a compound made of listed words, head last as in English', () => {
    expect(englishGloss('工作機械部品')).toBe('machine tool parts');
    expect(englishGloss('機械組立')).toBe('machine assembly');
    expect(englishGloss('ガラス加工')).toBe('glass processing');
    expect(englishGloss('精密機械部品')).toBe('precision machine parts');
    expect(englishGloss('ＩｏＴ機器')).toBe('IoT devices');
    expect(englishGloss('CNC加工')).toBe('CNC processing');
    expect(englishGloss('メンテナンス')).toBe('maintenance');
    expect(englishGloss('インバウンド')).toBe('inbound tourism');
    // Part of it unknown to the glossary: the thesaurus's topic, as before.
    expect(englishGloss('ネット通販')).toBe('online shop');
  });

  it('leaves Latin-script words and words neither knows alone', () => {
    expect(englishGloss('IoT')).toBeNull();
    expect(englishGloss('書道')).toBeNull();
  });

  it('quotes the words as written, with the gloss beside them', () => {
    expect(quotedForEnglish('試作')).toBe("'試作' (prototyping)");
    expect(quotedForEnglish('書道')).toBe("'書道'");
  });
});

describe('glossedTags', () => {
  it('gives the English once for a run of tags that mean the same, and leaves the rest as written', () => {
    expect(
      glossedTags(['ネット通販', 'オンライン販売', '省エネ', '脱炭素', '金属加工', 'IoT', '書道']),
    ).toEqual([
      'ネット通販',
      'オンライン販売 (online shop)',
      '省エネ (energy saving)',
      '脱炭素 (decarbonisation)',
      '金属加工 (metalworking)',
      'IoT',
      '書道',
    ]);
  });
});
