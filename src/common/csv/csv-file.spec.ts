import {
  cellsToCsv,
  contentDisposition,
  CsvColumn,
  csvCells,
  excelText,
  formatCell,
  toCsv,
  unneutraliseCell,
} from './csv-file';

describe('formatCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    // Text made of digits is still text: Excel would work out -1-1 (-2) or take +81 3-1234 for a
    // formula. A column of numbers gives numbers (below), or excelText for a phone number.
    ['-1-1', `'-1-1`],
    ['+81 3-1234', `'+81 3-1234`],
    ['+81 (3) 1234-5678', `'+81 (3) 1234-5678`],
    ['-12.5', `'-12.5`],
    ['=1+1', `'=1+1`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    // A line ends with LF in a cell, as Excel ends them.
    ['\r=1', `'\n=1`],
    ['\n=1', `'\n=1`],
    ['髙橋製作所', '髙橋製作所'],
    // "None", as many fill in a field: text to Excel already.
    ['-', '-'],
    ['- ', `'- `],
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
    for (const text of [
      '=HYPERLINK("http://x","y")',
      '@SUM(A1)',
      "'quoted",
      '髙橋製作所',
      '+81 3 1234 5678',
      '-1-1',
    ])
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

  it('quotes a cell written on several lines, whatever ends them, so that it stays one cell of its row', () => {
    const memo = (text: string) => ({ title: '精密部品の試作', memo: text, amount: 1_800_000 });
    const csv = toCsv(
      [
        { header: '概要', value: (row: ReturnType<typeof memo>) => row.title },
        { header: 'メモ', value: (row: ReturnType<typeof memo>) => row.memo },
        { header: '金額', value: (row: ReturnType<typeof memo>) => row.amount },
      ],
      [memo('1行目\n2行目'), memo("訪問済み\r=cmd|' /C calc'!A0"), memo('見積もり\r\n送付済み')],
    );
    expect(csv).toBe(
      '\uFEFF概要,メモ,金額\r\n' +
        '精密部品の試作,"1行目\n2行目",1800000\r\n' +
        '精密部品の試作,"訪問済み\n=cmd|\' /C calc\'!A0",1800000\r\n' +
        '精密部品の試作,"見積もり\n送付済み",1800000\r\n',
    );
  });
});

describe('excelText', () => {
  it.each([
    ['0312345678', '="0312345678"'],
    ['3013105001132', '="3013105001132"'],
    ['03-1234-5678', '="03-1234-5678"'],
    ['+81 3 1234 5678', '="+81 3 1234 5678"'],
    [['0312345678'], '="0312345678"'],
    [['0312345678', '09012345678'], '0312345678、09012345678'],
    ['内線 12', '内線 12'],
    ['=1+1', `'=1+1`],
    ['', ''],
    [null, ''],
  ])('writes %j for Excel as %j', (value, cell) => {
    expect(formatCell(excelText(value))).toBe(cell);
  });

  it('reads the number kept as text back as it was', () => {
    for (const text of ['0312345678', '+81 3 1234 5678', '3013105001132'])
      expect(unneutraliseCell(formatCell(excelText(text)))).toBe(text);
  });

  it('leaves a formula someone typed as it is on import', () => {
    expect(unneutraliseCell('="abc"')).toBe('="abc"');
  });

  it('puts the kept number in the file with its quotes doubled', () => {
    const csv = toCsv([{ header: '電話番号', value: (row: string) => excelText(row) }], ['0312345678']);
    expect(csv).toBe('\uFEFF電話番号\r\n"=""0312345678"""\r\n');
  });
});

describe('csvCells', () => {
  it('writes, page by page, the same file as the rows written at once', () => {
    const columns: CsvColumn<{ name: string; at: Date; phone: string }>[] = [
      { header: '氏名', value: (row) => row.name },
      { header: '日時', value: (row) => row.at },
      { header: '電話番号', value: (row) => excelText(row.phone) },
    ];
    const rows = [
      { name: '髙橋 健一', at: new Date('2026-12-06T01:30:00Z'), phone: '0312345678' },
      { name: '=cmd', at: new Date('2026-12-07T01:30:00Z'), phone: '' },
    ];
    const csv = cellsToCsv(columns, rows.map(csvCells(columns)));
    expect(csv).toBe(toCsv(columns, rows));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF氏名,日時,電話番号',
      '髙橋 健一,2026-12-06 10:30,"=""0312345678"""',
      "'=cmd,2026-12-07 10:30,",
      '',
    ]);
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
