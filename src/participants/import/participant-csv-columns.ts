import { headerKey } from '../../common/csv/csv-upload';
import { Locale, ParticipantKind } from '../participant-kind';

/**
 * The columns of a participant spreadsheet, with the header names staff actually use (Japanese
 * first, English accepted). Export writes the first name of each, so an exported file imports back.
 */
export const PARTICIPANT_COLUMNS = [
  { field: 'email', headers: ['メールアドレス', 'メール', 'Eメール', 'E-mail', 'email', 'mail'] },
  { field: 'name', headers: ['氏名', '名前', '参加者名', 'name', 'full name'] },
  { field: 'furigana', headers: ['フリガナ', 'ふりがな', '氏名フリガナ', 'カナ', 'furigana', 'kana'] },
  { field: 'title', headers: ['役職', '肩書', 'title', 'position'] },
  { field: 'phone', headers: ['電話番号', '電話', 'TEL', 'phone', 'telephone'] },
  { field: 'kind', headers: ['区分', '参加者区分', 'kind', 'type'] },
  { field: 'locale', headers: ['言語', 'locale', 'language'] },
  { field: 'company.name', headers: ['事業者名', '会社名', '企業名', '所属', 'company', 'company name'] },
  { field: 'company.corporateNumber', headers: ['法人番号', 'corporate number', 'corporate_number'] },
  { field: 'company.industry', headers: ['業種', '業種コード', '産業分類', 'industry', 'JSIC'] },
  { field: 'company.municipality', headers: ['所在地', '市区町村', '所在市区町村', 'municipality', 'city'] },
  { field: 'company.employees', headers: ['従業員数', 'employees'] },
  { field: 'company.description', headers: ['事業内容', '会社概要', 'description'] },
  { field: 'offers', headers: ['提供できること', '強み', 'offers'] },
  { field: 'needs', headers: ['求めること', 'ニーズ', 'needs'] },
  { field: 'themes', headers: ['関心テーマ', 'テーマ', 'themes'] },
  { field: 'tags', headers: ['タグ', 'tags'] },
  { field: 'offersText', headers: ['提供できること（詳細）', '強み（詳細）', 'offers text', 'offers_text'] },
  { field: 'needsText', headers: ['求めること（詳細）', 'ニーズ（詳細）', 'needs text', 'needs_text'] },
  { field: 'consentMatchmaking', headers: ['マッチング同意', 'consent matchmaking', 'consent_matchmaking'] },
  { field: 'consentEmail', headers: ['メール受信同意', 'consent email', 'consent_email'] },
  {
    field: 'consentContactSharing',
    headers: ['連絡先開示同意', 'consent contact sharing', 'consent_contact_sharing'],
  },
] as const;

/**
 * Columns the export adds for staff to read (why mail is not sent, who last changed the profile)
 * that an import must not set: only the participant unsubscribes, only a bounce suppresses, and
 * 最終更新 is whoever imports. Import skips them without a warning.
 */
export const EXPORT_ONLY_HEADERS = [
  'メール配信停止',
  '配信停止日時',
  'メール不達による送信停止日時',
  '最終更新日時',
  '最終更新者',
] as const;

export function isExportOnlyHeader(header: string): boolean {
  return EXPORT_ONLY_HEADERS.some((name) => headerKey(name) === headerKey(header));
}

export type ParticipantCsvField = (typeof PARTICIPANT_COLUMNS)[number]['field'];

/** 言語 as the export writes it; `parseLocale` reads it back. */
export const LOCALE_LABEL: Record<Locale, string> = { [Locale.ja]: '日本語', [Locale.en]: '英語' };

/** The first name of each is what the export writes and what `ParticipantModel.kindLabel` shows. */
export const KIND_LABELS: Record<ParticipantKind, string[]> = {
  YOUNG_ENTREPRENEUR: ['若手経営者', '若手起業家'],
  SUCCESSOR: ['後継者', '事業承継者'],
  SME_OWNER: ['中小企業経営者', '経営者'],
  LARGE_COMPANY: ['大企業'],
  SUPPORT_AGENCY: ['支援機関'],
  GOVERNMENT: ['行政', '地方公共団体', '自治体', '官公庁'],
  FINANCIAL_INSTITUTION: ['金融機関', '信用金庫', '銀行'],
  PROFESSIONAL: ['士業', '専門家', '税理士'],
  DESIGNER: ['デザイナー'],
  ACADEMIA: ['大学', '研究機関', '大学・研究機関'],
  OTHER: ['その他'],
};

export function parseKind(value: string): ParticipantKind | undefined {
  const trimmed = value.normalize('NFKC').trim();
  if ((Object.values(ParticipantKind) as string[]).includes(trimmed.toUpperCase())) {
    return trimmed.toUpperCase() as ParticipantKind;
  }
  return (Object.entries(KIND_LABELS) as [ParticipantKind, string[]][]).find(([, labels]) =>
    labels.includes(trimmed),
  )?.[0];
}

export function parseLocale(value: string): Locale | undefined {
  const key = value.normalize('NFKC').trim().toLowerCase();
  if (['ja', '日本語', 'japanese', 'jp'].includes(key)) return Locale.ja;
  if (['en', '英語', 'english'].includes(key)) return Locale.en;
  return undefined;
}

const YES = ['1', 'true', 'yes', 'y', 'はい', '可', '同意', '同意する', '○', '〇', '◯'];
const NO = ['0', 'false', 'no', 'n', 'いいえ', '不可', '同意しない', '×', '✕', '-', '－'];

export function parseYesNo(value: string): boolean | undefined {
  const key = value.normalize('NFKC').trim().toLowerCase();
  if (YES.includes(key)) return true;
  if (NO.includes(key)) return false;
  return undefined;
}
