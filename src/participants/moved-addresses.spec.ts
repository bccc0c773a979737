import { sameName } from './moved-addresses';

describe('sameName', () => {
  it('reads a name the same whatever the spacing and width it was typed with', () => {
    expect(sameName('髙橋 美﨑', '髙橋　美﨑')).toBe(true);
    expect(sameName('髙橋美﨑', ' 髙橋 美﨑 ')).toBe(true);
    expect(sameName('Ｅｍｍａ Ｃｌａｒｋｅ', 'Emma Clarke')).toBe(true);
  });

  it('keeps different people apart, 髙 and 高 included', () => {
    expect(sameName('髙橋 美﨑', '高橋 美崎')).toBe(false);
    expect(sameName('鈴木 一郎', '鈴木 二郎')).toBe(false);
  });
});
