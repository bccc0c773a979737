import { englishGloss, quotedForEnglish } from './gloss';

describe('englishGloss', () => {
  it('says in English what Japanese tags are about', () => {
    expect(englishGloss('販路開拓')).toBe('new sales channels');
    expect(englishGloss('EC構築支援')).toBe('online shop');
    expect(englishGloss('金属加工')).toBe('metalworking');
    expect(englishGloss('和菓子')).toBe('food processing');
    // 技能承継 hands on skills, not the business.
    expect(englishGloss('技能承継')).toBe('training and skills');
    expect(englishGloss('事業承継')).toBe('business succession');
  });

  it('leaves Latin-script words and words the thesaurus does not know alone', () => {
    expect(englishGloss('IoT')).toBeNull();
    expect(englishGloss('書道')).toBeNull();
  });

  it('quotes the words as written, with the gloss beside them', () => {
    expect(quotedForEnglish('試作')).toBe("'試作' (prototyping)");
    expect(quotedForEnglish('書道')).toBe("'書道'");
  });
});
