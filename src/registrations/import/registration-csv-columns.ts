import { headerKey } from '../../common/csv/csv-upload';
import { PARTICIPANT_COLUMNS } from '../../participants/import/participant-csv-columns';
import { EventRole } from '../registration-enums';
import { EVENT_ROLE_LABEL } from '../registration-labels';

const EMAIL_HEADERS = PARTICIPANT_COLUMNS.find((column) => column.field === 'email')!.headers;

/**
 * The columns of a 出展者一覧 / 参加者一覧 that set roles and booths. The participant is named by
 * 参加者ID or メールアドレス, as the registrations export writes them, and 参加区分 is read under
 * the export's 役割 too, so that a list exported, edited in Excel and uploaded back works.
 */
export const REGISTRATION_COLUMNS = [
  { field: 'participantId', headers: ['参加者ID', '参加者id', 'participant id', 'participantId'] },
  { field: 'email', headers: EMAIL_HEADERS },
  { field: 'role', headers: ['参加区分', '役割', 'role', 'event role'] },
  { field: 'booth', headers: ['ブース', 'ブース番号', 'booth', 'booth number'] },
] as const;

export type RegistrationCsvField = (typeof REGISTRATION_COLUMNS)[number]['field'];

/**
 * The other columns of the registrations export (RegistrationsExportController): read by staff,
 * not set by this upload, so left out without a warning.
 */
const EXPORT_ONLY_HEADERS = [
  '氏名',
  'フリガナ',
  '事業者名',
  '登録時の事業者名',
  '業種',
  '所在地',
  '電話番号',
  '状態',
  '申込日時',
  '参加登録日時',
  'キャンセル待ち登録日時',
  '受付日時',
  '招待メール',
];

export function isRegistrationExportOnlyHeader(header: string): boolean {
  return EXPORT_ONLY_HEADERS.some((name) => headerKey(name) === headerKey(header));
}

/** Other words staff write for a role, beside the label the export writes (EVENT_ROLE_LABEL). */
const ROLE_WORDS: Record<EventRole, string[]> = {
  VISITOR: ['来場', 'ビジター', '一般'],
  EXHIBITOR: ['出展', '出展企業'],
  BUYER: ['発注側', '発注企業', '買い手'],
  SELLER: ['受注側', '受注企業', '売り手', 'セラー', 'supplier'],
  SPEAKER: ['登壇', '講師', 'スピーカー'],
};

/** 参加区分 as staff type it: the label (出展者), another usual word (出展), or the API's value (EXHIBITOR). */
export function parseEventRole(value: string): EventRole | undefined {
  const key = value.normalize('NFKC').trim().toLowerCase();
  return Object.values(EventRole).find(
    (role) =>
      role.toLowerCase() === key ||
      EVENT_ROLE_LABEL[role] === key ||
      ROLE_WORDS[role].some((word) => word.toLowerCase() === key),
  );
}

/** A ブース cell that takes the booth away; an empty cell keeps the one stored. */
export function removesBooth(value: string): boolean {
  return ['なし', '無し', 'none'].includes(value.normalize('NFKC').trim().toLowerCase());
}
