import { AppError, ConflictError, ErrorKind, InputError, NotFoundError } from '../common/errors/app-error';
import { RegistrationStatus } from './registration-enums';
import { REGISTRATION_STATUS_LABEL, REGISTRATION_STATUS_LABEL_EN } from './registration-labels';

export enum RegistrationErrorCode {
  NOT_FOUND = 'REGISTRATION_NOT_FOUND',
  EVENT_NOT_OPEN = 'REGISTRATION_EVENT_NOT_OPEN',
  WINDOW_CLOSED = 'REGISTRATION_WINDOW_CLOSED',
  INVITE_ONLY = 'REGISTRATION_INVITE_ONLY',
  INVALID_TRANSITION = 'REGISTRATION_INVALID_TRANSITION',
  NOT_YOURS = 'REGISTRATION_NOT_YOURS',
  CHECK_IN_TOO_EARLY = 'REGISTRATION_CHECK_IN_TOO_EARLY',
  ALREADY_CHECKED_IN = 'REGISTRATION_ALREADY_CHECKED_IN',
  CAME_TO_MEETINGS = 'REGISTRATION_CAME_TO_MEETINGS',
  CHECK_IN_TIME_INVALID = 'REGISTRATION_CHECK_IN_TIME_INVALID',
  SET_BY_ORGANISER = 'REGISTRATION_SET_BY_ORGANISER',
  NOT_EDITABLE = 'REGISTRATION_NOT_EDITABLE',
  BOOTH_HAS_MEETINGS = 'REGISTRATION_BOOTH_HAS_MEETINGS',
  BOOTH_TAKEN = 'REGISTRATION_BOOTH_TAKEN',
  NOTHING_TO_CHANGE = 'REGISTRATION_NOTHING_TO_CHANGE',
}

export const RegistrationErrors = {
  notFound: (id: string) =>
    new NotFoundError(
      RegistrationErrorCode.NOT_FOUND,
      `参加登録が見つかりません: ${id}`,
      undefined,
      id,
    ).withEnglish(`Registration not found: ${id}`),
  eventNotOpen: () =>
    new ConflictError(
      RegistrationErrorCode.EVENT_NOT_OPEN,
      'このイベントは現在申込を受け付けていません',
      'eventId',
    ).withEnglish('This event is not taking registrations at the moment.'),
  /** 受付・欠席 of an event that is a draft or called off. */
  attendanceClosed: () =>
    new ConflictError(
      RegistrationErrorCode.EVENT_NOT_OPEN,
      '公開中または終了したイベントでのみ、出席・欠席を記録できます',
      'registrationId',
    ),
  checkInTooEarly: (eventDay: string) =>
    new ConflictError(
      RegistrationErrorCode.CHECK_IN_TOO_EARLY,
      `受付（チェックイン）はイベント当日の${eventDay}から行えます`,
      'registrationId',
    ),
  checkInTimeOutside: (eventDay: string) =>
    new InputError(
      'at',
      `受付日時は、イベント当日の${eventDay}から今までの日時を指定してください`,
      RegistrationErrorCode.CHECK_IN_TIME_INVALID,
    ),
  cameToMeetings: (count: number) =>
    new ConflictError(
      RegistrationErrorCode.CAME_TO_MEETINGS,
      `実施として記録した面談が${count}件あるため、欠席にできません（面談の記録を先に直してください）`,
      'registrationId',
    ),
  alreadyCheckedIn: (at: string) =>
    new ConflictError(
      RegistrationErrorCode.ALREADY_CHECKED_IN,
      `受付済みです（${at} に受付）`,
      'registrationId',
    ),
  windowClosed: () =>
    new ConflictError(RegistrationErrorCode.WINDOW_CLOSED, '申込受付期間外です', 'eventId').withEnglish(
      'Registration for this event is not open.',
    ),
  inviteOnly: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      RegistrationErrorCode.INVITE_ONLY,
      'このイベントは招待制です',
      'eventId',
    ).withEnglish('This event is by invitation only.'),
  invalidTransition: (from: RegistrationStatus, to: RegistrationStatus) =>
    new ConflictError(
      RegistrationErrorCode.INVALID_TRANSITION,
      `「${REGISTRATION_STATUS_LABEL[from]}」の参加登録を「${REGISTRATION_STATUS_LABEL[to]}」にはできません`,
      'status',
    ).withEnglish(
      `A registration marked "${REGISTRATION_STATUS_LABEL_EN[from]}" cannot be changed to "${REGISTRATION_STATUS_LABEL_EN[to]}".`,
    ),
  /** From a cancel link, for a registration past cancelling (attended, or not seated). */
  notCancellable: () =>
    new ConflictError(
      RegistrationErrorCode.INVALID_TRANSITION,
      'この参加登録はキャンセルできません。主催者にお問い合わせください',
      'status',
    ).withEnglish('This registration can no longer be cancelled. Please contact the organiser.'),
  /** A participant naming a role or booth other than the one they have: the organiser sets those. */
  setByOrganiser: (field: 'role' | 'booth') =>
    new AppError(
      ErrorKind.FORBIDDEN,
      RegistrationErrorCode.SET_BY_ORGANISER,
      field === 'role'
        ? '参加区分（出展者・バイヤーなど）は主催者が設定します。変更は主催者にお問い合わせください'
        : 'ブース番号は主催者が設定します。変更は主催者にお問い合わせください',
      field,
    ).withEnglish(
      field === 'role'
        ? 'Your role at the event (exhibitor, buyer…) is set by the organiser. Please contact them to change it.'
        : 'Booths are assigned by the organiser. Please contact them to change yours.',
    ),
  notEditable: (status: RegistrationStatus) =>
    new ConflictError(
      RegistrationErrorCode.NOT_EDITABLE,
      `「${REGISTRATION_STATUS_LABEL[status]}」の参加登録の参加区分・ブースは変更できません`,
      'id',
    ),
  /**
   * In booth-mode sessions a meeting takes place at the exhibitor's booth: moving a published one
   * is a new place for people already told. Unpublished placements do not refuse (they are taken
   * back), so the message says which ones do.
   */
  boothHasMeetings: () =>
    new ConflictError(
      RegistrationErrorCode.BOOTH_HAS_MEETINGS,
      'この方には公開済み（参加者にお知らせ済み）の面談が配置済みのため、ブースは変更できません（ブース方式の商談枠では面談の場所がブースで決まります）。' +
        '先に面談を中止してから変更してください（未公開の配置は、ブースの変更とともに取り消されます）',
      'booth',
    ),
  /** One booth, one exhibitor: two companies given the same booth would be sent meetings there at once. */
  boothTaken: (booth: string, holder: string) =>
    new ConflictError(
      RegistrationErrorCode.BOOTH_TAKEN,
      `ブース ${booth} は${holder}に割り当て済みです。別のブース番号を指定するか、先にそちらのブースを変更してください`,
      'booth',
    ),
  nothingToChange: () =>
    new InputError(
      'input',
      '変更する参加区分（role）またはブース（booth）を指定してください',
      RegistrationErrorCode.NOTHING_TO_CHANGE,
    ),
  notYours: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      RegistrationErrorCode.NOT_YOURS,
      '他の方の参加登録は操作できません',
    ).withEnglish('You can only change your own registrations.'),
};
