import { findConcepts, splitNeedText } from './concepts';
import { normalizeText } from './text-features';

const concepts = (text: string) => findConcepts(normalizeText(text));

describe('findConcepts', () => {
  it('reads a wish for new customers as a need for sales channels, however it is put', () => {
    for (const text of [
      '販路を拡大したい',
      '新しい取引先を探しています',
      '売り先を増やしたい',
      '取引先紹介',
    ]) {
      expect(concepts(text)).toContain('sales-channel');
    }
  });

  it('does not read the customers a company already has as a need for new ones', () => {
    expect(concepts('工場の省エネ・脱炭素の進め方を取引先から求められている')).toEqual(['energy']);
    expect(concepts('先代からの取引先を守りつつ、新しい事業の柱をつくりたい')).not.toContain('sales-channel');
    expect(concepts('取引先と一緒に脱炭素の取り組みを進めたい')).not.toContain('sales-channel');
  });
});

describe('splitNeedText', () => {
  const split = (text: string) => splitNeedText(normalizeText(text));

  it("takes out whom the writer wants to meet, described by those people's needs", () => {
    expect(
      split('資金需要や承継の悩みを抱える事業者と早めにつながりたい').sought.map((s) => s.clause),
    ).toEqual(['資金需要や承継の悩みを抱える事業者と']);
    expect(split('海外展開を検討中の企業を支援したい').own).not.toContain('海外');
    expect(findConcepts(split('事業承継をお考えの経営者様をご紹介ください').own)).toEqual([]);
  });

  it('takes out the cases a writer handles for clients, keeping what they need to do it', () => {
    const { own, sought } = split('弁護士・金融機関など他の専門家と連携して承継案件に対応したい');
    expect(sought.map((s) => s.clause)).toEqual(['承継案件に対応']);
    expect(findConcepts(own)).toEqual(['legal']);
  });

  it("leaves the writer's own needs alone", () => {
    for (const text of [
      '息子への事業承継を考えているが、何から始めればよいか分からない',
      '資金調達の方法を検討している',
      '販路のある企業と組みたい',
      '新しい取引先を探しています',
    ]) {
      expect(split(text)).toEqual({ own: normalizeText(text), sought: [] });
    }
  });
});
