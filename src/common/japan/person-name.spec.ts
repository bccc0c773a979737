import { nameKey, sameName } from './person-name';

describe('nameKey', () => {
  it('reads a name the same whatever its spacing and width', () => {
    expect(nameKey('山田　太郎')).toBe('山田太郎');
    expect(nameKey(' 山田 太郎 ')).toBe('山田太郎');
    expect(nameKey('Ｅｍｍａ Ｃｌａｒｋｅ')).toBe('EmmaClarke');
  });

  it('folds the variant kanji of names to the common form', () => {
    expect(nameKey('髙橋 美﨑')).toBe(nameKey('高橋 美崎'));
    expect(nameKey('齋藤 一郎')).toBe('斎藤一郎');
    expect(nameKey('𠮷田 花子')).toBe('吉田花子');
    expect(nameKey('渡邉 健')).toBe(nameKey('渡辺 健'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('斉藤 誠')).not.toBe(nameKey('斎藤 誠'));
    expect(nameKey('山田 太郎')).not.toBe(nameKey('山田 太朗'));
  });

  it('says whether two names are one person’s', () => {
    expect(sameName('髙橋 美﨑', '高橋　美崎')).toBe(true);
    expect(sameName('鈴木 一郎', '鈴木 二郎')).toBe(false);
  });
});

describe('nameKey: more variants and variation selectors', () => {
  it('folds the old forms of the kanji staff meet in names', () => {
    expect(nameKey('嶋田 眞一')).toBe(nameKey('島田 真一'));
    expect(nameKey('渡邊 龜吉')).toBe(nameKey('渡辺 亀吉'));
    expect(nameKey('飛驒 彌生')).toBe(nameKey('飛騨 弥生'));
    expect(nameKey('冨田 淸')).toBe(nameKey('富田 清'));
  });

  it('drops ideographic variation selectors, and a compatibility ideograph reads as its unified one', () => {
    const withSelector = `葛${String.fromCodePoint(0xe0100)}西 一郎`;
    expect(nameKey(withSelector)).toBe('葛西一郎');
    expect(nameKey(`辻${String.fromCodePoint(0xe0101)} 健`)).toBe('辻健');
    expect(nameKey(`${String.fromCodePoint(0xfa10)}本 恵`)).toBe(nameKey('塚本 恵'));
  });
});
