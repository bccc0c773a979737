/** JSIC major divisions (日本標準産業分類 大分類), as listed in SPEC.md, for cross-industry reasons. */
const DIVISIONS: Record<string, { ja: string; en: string }> = {
  A: { ja: '農業，林業', en: 'agriculture and forestry' },
  B: { ja: '漁業', en: 'fisheries' },
  C: { ja: '鉱業，採石業，砂利採取業', en: 'mining and quarrying' },
  D: { ja: '建設業', en: 'construction' },
  E: { ja: '製造業', en: 'manufacturing' },
  F: { ja: '電気・ガス・熱供給・水道業', en: 'electricity, gas, heat supply and water' },
  G: { ja: '情報通信業', en: 'information and communications' },
  H: { ja: '運輸業，郵便業', en: 'transport and postal services' },
  I: { ja: '卸売業，小売業', en: 'wholesale and retail trade' },
  J: { ja: '金融業，保険業', en: 'finance and insurance' },
  K: { ja: '不動産業，物品賃貸業', en: 'real estate and goods rental' },
  L: { ja: '学術研究，専門・技術サービス業', en: 'scientific research, professional and technical services' },
  M: { ja: '宿泊業，飲食サービス業', en: 'accommodation, eating and drinking services' },
  N: { ja: '生活関連サービス業，娯楽業', en: 'living-related and personal services, amusement' },
  O: { ja: '教育，学習支援業', en: 'education and learning support' },
  P: { ja: '医療，福祉', en: 'medical, health care and welfare' },
  Q: { ja: '複合サービス事業', en: 'compound services' },
  R: { ja: 'サービス業（他に分類されないもの）', en: 'services, n.e.c.' },
  S: { ja: '公務（他に分類されるものを除く）', en: 'government, n.e.c.' },
  T: { ja: '分類不能の産業', en: 'industries unable to classify' },
};

/** Normalises an `industry` field to its division letter, or undefined when it is not one. */
export function jsicDivision(industry: string | undefined): string | undefined {
  if (!industry) return undefined;
  const letter = industry.normalize('NFKC').trim().toUpperCase();
  return DIVISIONS[letter] ? letter : undefined;
}

export function jsicDivisionName(letter: string, locale: 'ja' | 'en'): string {
  return DIVISIONS[letter]?.[locale] ?? letter;
}
