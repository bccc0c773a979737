import { normalizeTags, splitTags } from './tags';

describe('tags', () => {
  it('normalises width and spaces and removes duplicates ignoring Latin case', () => {
    expect(normalizeTags(['ＤＸ', ' DX ', 'dx', '販路開拓', '販路開拓 ', '', '  '])).toEqual([
      'DX',
      '販路開拓',
    ]);
  });

  it('keeps numbers in circles and brackets as written, the rest of the tag normalised', () => {
    expect(normalizeTags(['金属プレス①', '金属プレス②', 'ﾌﾟﾚｽ加工⑴', '工程㉑'])).toEqual([
      '金属プレス①',
      '金属プレス②',
      'プレス加工⑴',
      '工程㉑',
    ]);
  });

  it('splits spreadsheet cells on Japanese and ASCII separators', () => {
    expect(splitTags('販路開拓、DX／事業承継,  BCP;海外展開')).toEqual([
      '販路開拓',
      'DX',
      '事業承継',
      'BCP',
      '海外展開',
    ]);
  });
});
