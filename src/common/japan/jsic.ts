/** 日本標準産業分類 大分類 (JSIC major divisions), as listed in the SPEC. */
export const JSIC_DIVISIONS = {
  A: '農業，林業',
  B: '漁業',
  C: '鉱業，採石業，砂利採取業',
  D: '建設業',
  E: '製造業',
  F: '電気・ガス・熱供給・水道業',
  G: '情報通信業',
  H: '運輸業，郵便業',
  I: '卸売業，小売業',
  J: '金融業，保険業',
  K: '不動産業，物品賃貸業',
  L: '学術研究，専門・技術サービス業',
  M: '宿泊業，飲食サービス業',
  N: '生活関連サービス業，娯楽業',
  O: '教育，学習支援業',
  P: '医療，福祉',
  Q: '複合サービス事業',
  R: 'サービス業（他に分類されないもの）',
  S: '公務（他に分類されるものを除く）',
  T: '分類不能の産業',
} as const;

export type JsicCode = keyof typeof JSIC_DIVISIONS;

export function isJsicCode(value: string): value is JsicCode {
  return Object.prototype.hasOwnProperty.call(JSIC_DIVISIONS, value);
}

/** The letter and the division's name, as exports show it: 'R' → 'R サービス業（他に分類されないもの）'. */
export function jsicLabel(code: string): string {
  return isJsicCode(code) ? `${code} ${JSIC_DIVISIONS[code]}` : code;
}

/**
 * Accepts the letter, the division's Japanese name (as in staff spreadsheets) or both as
 * `jsicLabel` writes them, so an exported file imports back: 'E', '製造業', 'E 製造業' → 'E'.
 */
export function parseJsic(value: string): JsicCode | undefined {
  const trimmed = value.normalize('NFKC').trim();
  const upper = trimmed.toUpperCase();
  if (isJsicCode(upper)) return upper;
  const labelled = /^([A-Za-z])\s+(.+)$/u.exec(trimmed);
  if (labelled) {
    const code = labelled[1].toUpperCase();
    return isJsicCode(code) && JSIC_DIVISIONS[code].normalize('NFKC') === labelled[2] ? code : undefined;
  }
  const byName = (Object.entries(JSIC_DIVISIONS) as [JsicCode, string][]).find(
    ([, name]) => name.normalize('NFKC') === trimmed,
  );
  return byName?.[0];
}
