import {
  isValidMunicipality,
  municipalityForEnglishReader,
  normalizeMunicipality,
  TOKYO_MUNICIPALITIES,
} from './municipality';

describe('municipality', () => {
  it("lists Tokyo's 62 municipalities", () => {
    expect(TOKYO_MUNICIPALITIES).toHaveLength(62);
    expect(TOKYO_MUNICIPALITIES.filter((name) => name.endsWith('区'))).toHaveLength(23);
  });

  it.each([
    '東京都葛飾区',
    '東京都青梅市',
    '東京都西多摩郡奥多摩町',
    '埼玉県川口市',
    '兵庫県尼崎市',
    '長野県岡谷市',
    '大阪府東大阪市',
    '石川県加賀市',
    '神奈川県横浜市港北区',
  ])('accepts %s', (name) => expect(isValidMunicipality(name)).toBe(true));

  it.each(['葛飾区', '東京都', '東京都横浜市', 'Tokyo', '東京都葛飾'])('rejects %s', (name) =>
    expect(isValidMunicipality(name)).toBe(false),
  );

  it('normalises spaces and widths from spreadsheets', () => {
    expect(normalizeMunicipality(' 東京都　葛飾区 ')).toBe('東京都葛飾区');
    expect(isValidMunicipality('東京都 葛飾区')).toBe(true);
  });

  it.each([
    ['東京都葛飾区', '東京都葛飾区 (Katsushika City, Tokyo)'],
    ['東京都千代田区', '東京都千代田区 (Chiyoda City, Tokyo)'],
    ['東京都青梅市', '東京都青梅市 (Ome City, Tokyo)'],
    ['東京都西多摩郡瑞穂町', '東京都西多摩郡瑞穂町 (Tokyo)'],
    ['北海道札幌市中央区', '北海道札幌市中央区 (Sapporo City, Hokkaido)'],
    ['北海道小樽市', '北海道小樽市 (Hokkaido)'],
    ['神奈川県横浜市中区', '神奈川県横浜市中区 (Yokohama City, Kanagawa)'],
    ['大阪府東大阪市', '大阪府東大阪市 (Higashiosaka City, Osaka)'],
    ['大阪府大阪市北区', '大阪府大阪市北区 (Osaka City, Osaka)'],
    ['埼玉県 川口市', '埼玉県 川口市 (Kawaguchi City, Saitama)'],
    ['千葉県市川市', '千葉県市川市 (Ichikawa City, Chiba)'],
    ['長野県岡谷市', '長野県岡谷市 (Nagano Prefecture)'],
    ['葛飾区', '葛飾区'],
    ['Berlin', 'Berlin'],
  ])('tells an English reader where %s is', (value, english) =>
    expect(municipalityForEnglishReader(value)).toBe(english),
  );
});
