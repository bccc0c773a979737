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
    ['東京都青梅市', '東京都青梅市 (Tokyo)'],
    ['北海道札幌市中央区', '北海道札幌市中央区 (Hokkaido)'],
    ['大阪府東大阪市', '大阪府東大阪市 (Osaka Prefecture)'],
    ['長野県岡谷市', '長野県岡谷市 (Nagano Prefecture)'],
    ['葛飾区', '葛飾区'],
    ['Berlin', 'Berlin'],
  ])('tells an English reader where %s is', (value, english) =>
    expect(municipalityForEnglishReader(value)).toBe(english),
  );
});
