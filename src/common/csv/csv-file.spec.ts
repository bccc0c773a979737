import { contentDisposition, formatCell, toCsv, unneutraliseCell } from './csv-file';

describe('formatCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+81 3 1234 5678', '+81 3 1234 5678'],
    ['+81 (3) 1234-5678', '+81 (3) 1234-5678'],
    ['-12.5', '-12.5'],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['髙橋製作所', '髙橋製作所'],
    ['a=1', 'a=1'],
  ])('writes the text %j as %j', (text, cell) => {
    expect(formatCell(text)).toBe(cell);
  });

  it('keeps numbers the exporter wrote as numbers, negative ones included', () => {
    expect(formatCell(-5000)).toBe('-5000');
    expect(formatCell(1200000)).toBe('1200000');
    expect(formatCell(BigInt(-3))).toBe('-3');
  });

  it('takes the quote off again when an exported cell is imported', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '@SUM(A1)', "'quoted", '髙橋製作所', '+81 3 1234 5678'])
      expect(unneutraliseCell(formatCell(text))).toBe(text);
  });

  it('writes a yes/no as はい or いいえ, and an unknown one as an empty cell', () => {
    expect([true, false, null, undefined].map(formatCell)).toEqual(['はい', 'いいえ', '', '']);
  });

  it('neutralises a list whose first item starts a formula', () => {
    expect(formatCell(['=1+1', 'DX'])).toBe(`'=1+1、DX`);
  });

  it('puts the neutralised cell in the file, quoted where CSV needs it', () => {
    const csv = toCsv([{ header: '氏名', value: (row: string) => row }], ['=HYPERLINK("http://x","y")']);
    expect(csv).toBe('\uFEFF氏名\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });
});

describe('contentDisposition', () => {
  it('keeps the ASCII fallback a valid quoted-string when the title has quotes', () => {
    const header = contentDisposition('第1回 "DX" セミナー_参加者名簿.csv');
    const fallback = /filename="([^"]*)";/.exec(header)?.[1];
    expect(fallback).toBe('_1_ _DX_ __________.csv');
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it('percent-encodes every character that is not an RFC 5987 attr-char', () => {
    const header = contentDisposition("O'Brien (見積)*.csv");
    const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
    expect(decodeURIComponent(encoded)).toBe("O'Brien (見積)*.csv");
  });
});
