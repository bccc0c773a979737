/**
 * What staff call the fields of the API's inputs, for messages that name one: 「終了日時を指定して
 * ください」, not 「endsAt を…」. The field itself, as the client wrote it, is the error's `field`.
 * Looked up by the whole path (`company.name`), then by its last part; an item of a list
 * (`targets.1.metric`) by the list and its place in it; a field not listed here is named as written.
 */
const FIELD_LABELS: Record<string, string> = {
  address: '住所',
  after: 'カーソル',
  amountYen: '金額',
  area: '開催地域',
  assignedToId: '担当者ID',
  before: '期日',
  booth: 'ブース',
  capacity: '定員',
  closedOn: '成約日・不成立日',
  coHostIds: '共催団体ID',
  comment: 'ご意見',
  company: '事業者',
  'company.description': '事業内容',
  'company.name': '事業者名',
  contactEmail: '連絡先のメールアドレス',
  contactPhone: '連絡先の電話番号',
  corporateNumber: '法人番号',
  csv: 'CSV',
  currentPassword: '現在のパスワード',
  dealId: '商談ID',
  description: '説明',
  dueOn: '期日',
  duplicateId: '統合する参加者のID',
  email: 'メールアドレス',
  employees: '従業員数',
  endsAt: '終了日時',
  eventId: 'イベントID',
  expectedParticipants: '参加見込み人数',
  fileBase64: 'ファイル',
  first: '件数',
  fiscalYear: '年度',
  followUpInMonths: 'フォローアップまでの月数',
  furigana: 'フリガナ',
  gainedOpportunities: '受注機会の拡大',
  industry: '業種',
  kind: '種類',
  locale: '言語',
  maxMeetingsPerParticipant: '1人あたりの面談数の上限',
  maxRequestsPerParticipant: '1人あたりの申込数の上限',
  meetingId: '面談ID',
  message: 'メッセージ',
  metric: '指標',
  municipality: '所在地',
  name: '名前',
  nameEn: '名前（英語）',
  needs: '求めること',
  needsText: '求めること（文章）',
  newPassword: '新しいパスワード',
  notes: 'メモ',
  offers: '提供できること',
  offersText: '提供できること（文章）',
  onlineUrl: 'オンライン参加のURL',
  organizationId: '団体ID',
  participantAId: '1人目の当事者ID',
  participantBId: '2人目の当事者ID',
  participantId: '参加者ID',
  participantIds: '参加者ID',
  password: 'パスワード',
  phone: '電話番号',
  preferredFrom: '希望時期（から）',
  preferredTo: '希望時期（まで）',
  registrationClosesAt: '申込の締切日時',
  registrationOpensAt: '申込の受付開始日時',
  requestExpiryHours: '回答期限（時間）',
  role: '役割',
  satisfaction: '満足度',
  slotCount: '枠数',
  slotMinutes: '1枠の時間（分）',
  stage: '段階',
  startedOn: '開始日',
  startsAt: '開始日時',
  status: '状態',
  tableCount: 'テーブル数',
  target: '目標値',
  targets: '目標',
  themes: 'テーマ',
  title: 'タイトル',
  titleEn: 'タイトル（英語）',
  type: '種類',
  venue: '会場',
  venueEn: '会場（英語）',
  visibility: '公開範囲',
};

/**
 * The field as a message's subject: its label, or the field as written followed by a space, so
 * that a particle reads right after either (「タイトルは」, 「venu は」).
 */
export function fieldSubject(path: string): string {
  // An item of a list by its place in it: 「目標の2件目の目標値」.
  const item = /^([^.]+)\.(\d+)\.([^.]+)$/.exec(path);
  if (item) {
    const [, list, index, field] = item;
    return FIELD_LABELS[field] && FIELD_LABELS[list]
      ? `${FIELD_LABELS[list]}の${Number(index) + 1}件目の${FIELD_LABELS[field]}`
      : `${path} `;
  }
  const last = path.split('.').at(-1)!;
  const label = FIELD_LABELS[path] ?? (/\.\d+(\.|$)/.test(path) ? undefined : FIELD_LABELS[last]);
  return label ?? `${path} `;
}
