/**
 * What staff call the fields of the API's inputs, for messages that name one: 「終了日時を指定して
 * ください」, not 「endsAt を…」. The field itself, as the client wrote it, is the error's `field`.
 * Looked up by the whole path (`company.name`), then by its last part; an item of a list
 * (`targets.1.metric`) by the list and its place in it; a field not listed here is named as written.
 */
const FIELD_LABELS: Record<string, string> = {
  address: '住所',
  addressEn: '住所（英語）',
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
  consentContactSharing: '連絡先の開示の同意',
  consentEmail: 'お知らせメールの受信の同意',
  consentMatchmaking: 'マッチングへの参加の同意',
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
  descriptionEn: '説明（英語）',
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
  reason: '理由',
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
  toParticipantId: '申込先の参加者ID',
  type: '種類',
  venue: '会場',
  venueEn: '会場（英語）',
  visibility: '公開範囲',
};

/**
 * A field whose name means something else in another input (`title` is an event's タイトル and a
 * person's 役職), by the input type that has it: the GraphQL type and the class are one name.
 */
const PROFILE_LABELS: Record<string, string> = { kind: '参加者区分', name: '氏名', title: '役職' };
const TYPE_FIELD_LABELS: Record<string, Record<string, string>> = {
  ProfileInput: PROFILE_LABELS,
  UpsertParticipantInput: PROFILE_LABELS,
};

/**
 * The fields a participant fills in or names (their profile, a ミニサロン request, a survey, the
 * arguments of what they may do), as an English-speaking participant reads them in an error
 * message. Staff read Japanese only, so their fields are not here: such a field is named as written.
 */
const FIELD_LABELS_EN: Record<string, string> = {
  accept: 'Your answer',
  area: 'Area',
  comment: 'Comment',
  company: 'Company',
  'company.description': 'Business description',
  'company.name': 'Company name',
  consentContactSharing: 'Consent to sharing contact details',
  consentEmail: 'Consent to announcement emails',
  consentMatchmaking: 'Consent to matchmaking',
  corporateNumber: 'Corporate number',
  email: 'Email address',
  employees: 'Number of employees',
  eventId: 'Event ID',
  expectedParticipants: 'Expected number of participants',
  first: 'Number of items',
  from: 'From',
  furigana: 'Furigana',
  gainedOpportunities: 'New business opportunities',
  groupName: 'Group name',
  id: 'ID',
  industry: 'Industry',
  kind: 'Kind',
  locale: 'Language',
  message: 'Message',
  municipality: 'Location',
  name: 'Name',
  needs: 'What you are looking for',
  needsText: 'What you are looking for (text)',
  offers: 'What you offer',
  offersText: 'What you offer (text)',
  organizationId: 'Organisation ID',
  participantId: 'Participant ID',
  phone: 'Phone number',
  preferredFrom: 'Start of the preferred period',
  preferredTo: 'End of the preferred period',
  satisfaction: 'Satisfaction',
  theme: 'Theme',
  themes: 'Themes',
  title: 'Title',
  to: 'To',
  toParticipantId: 'ID of the person to meet',
  token: 'Link',
  version: 'Version',
};
const PROFILE_LABELS_EN: Record<string, string> = { kind: 'Type of participant', title: 'Job title' };
const TYPE_FIELD_LABELS_EN: Record<string, Record<string, string>> = {
  ProfileInput: PROFILE_LABELS_EN,
  UpsertParticipantInput: PROFILE_LABELS_EN,
};

/**
 * The field as a message's subject: its label, or the field as written followed by a space, so
 * that a particle reads right after either (「タイトルは」, 「venu は」). In English, the label or the
 * field as written. `type` is the input type the path starts in (ProfileInput), for a field whose
 * label depends on it; an item of a list is named by its place: 「提供できることの2件目」, "What you
 * offer (item 2)".
 */
export function fieldSubject(path: string, locale: 'ja' | 'en' = 'ja', type?: string): string {
  const labels = locale === 'en' ? FIELD_LABELS_EN : FIELD_LABELS;
  const typeLabels = (type && (locale === 'en' ? TYPE_FIELD_LABELS_EN : TYPE_FIELD_LABELS)[type]) || {};
  const asWritten = locale === 'en' ? path : `${path} `;
  // A field of an item of a list: 「目標の2件目の目標値」.
  const itemField = /^([^.]+)\.(\d+)\.([^.]+)$/.exec(path);
  if (itemField) {
    const [, list, index, field] = itemField;
    const listLabel = typeLabels[list] ?? labels[list];
    if (!labels[field] || !listLabel) return asWritten;
    return locale === 'en'
      ? `${labels[field]} of item ${Number(index) + 1} of ${listLabel}`
      : `${listLabel}の${Number(index) + 1}件目の${labels[field]}`;
  }
  // An item itself: 「提供できることの2件目」.
  const item = /^([^.]+)\.(\d+)$/.exec(path);
  if (item) {
    const [, list, index] = item;
    const listLabel = typeLabels[list] ?? labels[list];
    if (!listLabel) return asWritten;
    return locale === 'en'
      ? `${listLabel} (item ${Number(index) + 1})`
      : `${listLabel}の${Number(index) + 1}件目`;
  }
  const last = path.split('.').at(-1)!;
  const label = typeLabels[path] ?? labels[path] ?? (/\.\d+(\.|$)/.test(path) ? undefined : labels[last]);
  return label ?? asWritten;
}
