import { isJsicCode, jsicLabel, parseJsic } from './jsic';

describe('JSIC major divisions', () => {
  it('knows A to T and nothing else', () => {
    expect('ABCDEFGHIJKLMNOPQRST'.split('').every(isJsicCode)).toBe(true);
    expect(isJsicCode('U')).toBe(false);
    expect(isJsicCode('e')).toBe(false);
  });

  it('parses letters in any width or case, and division names', () => {
    expect(parseJsic('e')).toBe('E');
    expect(parseJsic('Ｅ')).toBe('E');
    expect(parseJsic('製造業')).toBe('E');
    expect(parseJsic('情報通信業')).toBe('G');
    expect(parseJsic('Z')).toBeUndefined();
  });

  it('reads back the label exports write, and nothing that merely looks like it', () => {
    expect(jsicLabel('R')).toBe('R サービス業（他に分類されないもの）');
    expect(parseJsic(jsicLabel('R'))).toBe('R');
    expect(parseJsic('E　製造業')).toBe('E');
    expect(parseJsic('E 情報通信業')).toBeUndefined();
  });
});
