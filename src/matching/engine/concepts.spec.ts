import { findConcepts } from './concepts';
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
