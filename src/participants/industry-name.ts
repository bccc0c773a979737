import { JSIC_DIVISIONS, JsicCode } from '../common/japan/jsic';
import { jsicDivisionName } from '../matching/engine';

/**
 * 業種名 of a company's JSIC division in the reader's language: 「製造業」, or for a participant
 * whose locale is en the name their emails use ("manufacturing").
 */
export function industryNameFor(industry: string | null, locale: 'ja' | 'en'): string | null {
  if (!industry) return null;
  return locale === 'en' ? jsicDivisionName(industry, 'en') : (JSIC_DIVISIONS[industry as JsicCode] ?? null);
}
