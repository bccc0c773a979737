import { AppError, ConflictError, ErrorKind, NotFoundError } from '../common/errors/app-error';
import { RegistrationStatus } from './registration-enums';
import { REGISTRATION_STATUS_LABEL } from './registration-labels';

export enum RegistrationErrorCode {
  NOT_FOUND = 'REGISTRATION_NOT_FOUND',
  EVENT_NOT_OPEN = 'REGISTRATION_EVENT_NOT_OPEN',
  WINDOW_CLOSED = 'REGISTRATION_WINDOW_CLOSED',
  INVITE_ONLY = 'REGISTRATION_INVITE_ONLY',
  INVALID_TRANSITION = 'REGISTRATION_INVALID_TRANSITION',
  NOT_YOURS = 'REGISTRATION_NOT_YOURS',
  CHECK_IN_TOO_EARLY = 'REGISTRATION_CHECK_IN_TOO_EARLY',
  ALREADY_CHECKED_IN = 'REGISTRATION_ALREADY_CHECKED_IN',
}

export const RegistrationErrors = {
  notFound: (id: string) =>
    new NotFoundError(RegistrationErrorCode.NOT_FOUND, `参加登録が見つかりません: ${id}`),
  eventNotOpen: () =>
    new ConflictError(
      RegistrationErrorCode.EVENT_NOT_OPEN,
      'このイベントは現在申し込みを受け付けていません',
      'eventId',
    ),
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
  alreadyCheckedIn: (at: string) =>
    new ConflictError(
      RegistrationErrorCode.ALREADY_CHECKED_IN,
      `受付済みです（${at} に受付）`,
      'registrationId',
    ),
  windowClosed: () => new ConflictError(RegistrationErrorCode.WINDOW_CLOSED, '申込受付期間外です', 'eventId'),
  inviteOnly: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      RegistrationErrorCode.INVITE_ONLY,
      'このイベントは招待制です',
      'eventId',
    ),
  invalidTransition: (from: RegistrationStatus, to: RegistrationStatus) =>
    new ConflictError(
      RegistrationErrorCode.INVALID_TRANSITION,
      `「${REGISTRATION_STATUS_LABEL[from]}」の参加登録を「${REGISTRATION_STATUS_LABEL[to]}」にはできません`,
      'status',
    ),
  /** From a cancel link, for a registration past cancelling (attended, or not seated). */
  notCancellable: () =>
    new ConflictError(
      RegistrationErrorCode.INVALID_TRANSITION,
      'この参加登録はキャンセルできません。主催者にお問い合わせください',
      'status',
    ).withEnglish('This registration can no longer be cancelled. Please contact the organiser.'),
  notYours: () =>
    new AppError(ErrorKind.FORBIDDEN, RegistrationErrorCode.NOT_YOURS, '他の方の参加登録は操作できません'),
};
