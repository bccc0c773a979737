import { ERASED_NAME, mentionRedactor } from './mentions';

describe('mentionRedactor', () => {
  const redact = mentionRedactor({
    name: '髙橋 一郎',
    furigana: 'タカハシ イチロウ',
    email: 'Ichiro.Takahashi@example.jp',
    phone: '03-1234-5678',
  });

  it('replaces the full name however it was typed', () => {
    expect(redact('髙橋 一郎さんと面談')).toBe(`${ERASED_NAME}さんと面談`);
    expect(redact('高橋一郎 社長へ見積送付')).toBe(`${ERASED_NAME} 社長へ見積送付`);
    expect(redact('担当：高橋　一郎（タカハシイチロウ）')).toBe(`担当：${ERASED_NAME}（${ERASED_NAME}）`);
  });

  it('replaces the surname where an honorific makes it the person', () => {
    expect(redact('高橋様より図面を受領。髙橋社長の了承済み')).toBe(
      `${ERASED_NAME}様より図面を受領。${ERASED_NAME}社長の了承済み`,
    );
    // The company keeps its name: it is not the person.
    expect(redact('高橋精密工業の工場を見学')).toBe('高橋精密工業の工場を見学');
  });

  it('replaces the address and the phone number, not other numbers', () => {
    expect(redact('連絡先 ichiro.takahashi@EXAMPLE.jp / ０３（１２３４）５６７８')).toBe(
      `連絡先 ${ERASED_NAME} / ${ERASED_NAME}`,
    );
    expect(redact('0312345678 に折り返し')).toBe(`${ERASED_NAME} に折り返し`);
    expect(redact('見積 10312345678 円')).toBe('見積 10312345678 円');
  });

  it('leaves text about others as it was', () => {
    expect(redact('山﨑様と試作の打合せ')).toBe('山﨑様と試作の打合せ');
  });

  it('takes a one-word name whole, and no surname rule then', () => {
    const single = mentionRedactor({ name: '一郎', furigana: null, email: 'a@example.jp', phone: null });
    expect(single('一郎様の件、一郎さん')).toBe(`${ERASED_NAME}様の件、${ERASED_NAME}さん`);
  });
});
