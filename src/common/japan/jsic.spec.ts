import { isJsicCode, parseJsic } from './jsic';

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
});
