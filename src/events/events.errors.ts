import { AppError, ConflictError, ErrorKind, InputError, NotFoundError } from '../common/errors/app-error';
import { EventStatus } from './event-enums';
import { EVENT_STATUS_LABEL } from './event-labels';
import { formatTokyoJapanese } from '../common/time/tokyo-time';

export enum EventErrorCode {
  NOT_FOUND = 'EVENT_NOT_FOUND',
  INVALID_TRANSITION = 'EVENT_INVALID_TRANSITION',
  NOT_EDITABLE = 'EVENT_NOT_EDITABLE',
  NOT_MANAGED = 'EVENT_NOT_MANAGED',
  INVALID_SCHEDULE = 'EVENT_INVALID_SCHEDULE',
  MINI_SALON_TOO_LARGE = 'EVENT_MINI_SALON_TOO_LARGE',
  NO_PLACE = 'EVENT_NO_PLACE',
  SESSION_OUTSIDE_EVENT = 'EVENT_SESSION_OUTSIDE_EVENT',
  SESSION_TABLES_REQUIRED = 'EVENT_SESSION_TABLES_REQUIRED',
  SESSION_OVERLAP = 'EVENT_SESSION_OVERLAP',
  MEETINGS_AHEAD = 'EVENT_MEETINGS_AHEAD',
  NOT_STARTED = 'EVENT_NOT_STARTED',
  SELF_CO_HOST = 'EVENT_SELF_CO_HOST',
  OTHER_ORGANIZATION = 'EVENT_OTHER_ORGANIZATION',
  CAPACITY_BELOW_REGISTERED = 'EVENT_CAPACITY_BELOW_REGISTERED',
  SESSION_OUTSIDE_NEW_TIME = 'EVENT_SESSION_OUTSIDE_NEW_TIME',
  CO_HOSTS_BY_ORGANIZER = 'EVENT_CO_HOSTS_BY_ORGANIZER',
  SESSION_NOT_FOUND = 'EVENT_SESSION_NOT_FOUND',
  SESSION_NAME_TAKEN = 'EVENT_SESSION_NAME_TAKEN',
  SESSION_HAS_MEETINGS = 'EVENT_SESSION_HAS_MEETINGS',
  HAS_SESSIONS = 'EVENT_HAS_SESSIONS',
  MEETINGS_IN_SLOTS = 'EVENT_MEETINGS_IN_SLOTS',
  MATCHING_HAS_SLOTS = 'EVENT_MATCHING_HAS_SLOTS',
}

export const EventErrors = {
  notFound: (id: string) =>
    new NotFoundError(EventErrorCode.NOT_FOUND, `イベントが見つかりません: ${id}`, undefined, id).withEnglish(
      `Event not found: ${id}`,
    ),
  invalidTransition: (from: EventStatus, to: EventStatus) =>
    new ConflictError(
      EventErrorCode.INVALID_TRANSITION,
      `「${EVENT_STATUS_LABEL[from]}」のイベントを「${EVENT_STATUS_LABEL[to]}」にはできません`,
      'status',
    ),
  notStarted: (startsAt: string) =>
    new ConflictError(
      EventErrorCode.NOT_STARTED,
      `開催前（${startsAt} 開始）のイベントは終了にできません。取りやめる場合は中止にしてください`,
      'id',
    ),
  meetingsAhead: (count: number, last: string) =>
    new ConflictError(
      EventErrorCode.MEETINGS_AHEAD,
      `これから始まる面談が ${count} 件あります（最後は ${last} 開始）。面談が終わってから終了にしてください`,
      'id',
    ),
  notEditable: (status: EventStatus) =>
    new ConflictError(
      EventErrorCode.NOT_EDITABLE,
      `「${EVENT_STATUS_LABEL[status]}」のイベントは変更できません`,
      'status',
    ),
  notManaged: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      EventErrorCode.NOT_MANAGED,
      '主催・共催していないイベントは操作できません',
    ),
  otherOrganization: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      EventErrorCode.OTHER_ORGANIZATION,
      '所属する団体以外を主催団体にしたイベントは作成できません',
      'organizationId',
    ),
  endBeforeStart: () =>
    new InputError('endsAt', '終了日時は開始日時より後にしてください', EventErrorCode.INVALID_SCHEDULE),
  movedIntoPast: (field: 'startsAt' | 'endsAt', at: string) =>
    new InputError(
      field,
      `${field === 'startsAt' ? '開始' : '終了'}日時（${at}）がすでに過ぎています。公開中のイベントの日時は、これからの日時に変更してください（参加者に日時変更をお知らせします）`,
      EventErrorCode.INVALID_SCHEDULE,
    ),
  registrationWindow: (field: 'registrationOpensAt' | 'registrationClosesAt', message: string) =>
    new InputError(field, message, EventErrorCode.INVALID_SCHEDULE),
  miniSalonTooLarge: (max: number) =>
    new InputError('capacity', `ミニサロンの定員は${max}名までです`, EventErrorCode.MINI_SALON_TOO_LARGE),
  capacityBelowRegistered: (registered: number) =>
    new InputError(
      'capacity',
      `定員は、いま席を確保している人数（参加登録済・出席・欠席の${registered}名）より少なくできません`,
      EventErrorCode.CAPACITY_BELOW_REGISTERED,
    ),
  noPlace: () =>
    new InputError('venue', '会場かオンライン参加URLのどちらかを入力してください', EventErrorCode.NO_PLACE),
  /**
   * A 商談枠 that would start before the event or end after it, with both times, and how many slots
   * fit when only the end is at fault (the count is what staff usually got wrong).
   */
  sessionOutsideEvent: (
    session: { startsAt: Date; endsAt: Date },
    event: { startsAt: Date; endsAt: Date },
    fitting: number | null,
  ) =>
    new InputError(
      fitting === null ? 'startsAt' : 'slotCount',
      `商談枠はイベントの開催時間内に収めてください（商談枠 ${clock(session.startsAt)}〜${clock(session.endsAt)}、イベント ${clock(event.startsAt)}〜${clock(event.endsAt)}）` +
        (fitting === null ? '' : `。この開始時刻と枠の長さなら、枠数は ${fitting} までです`),
      EventErrorCode.SESSION_OUTSIDE_EVENT,
    ),
  sessionOutsideNewTime: (field: 'startsAt' | 'endsAt', session: string, meetings: number) =>
    new InputError(
      field,
      `${session}${meetings > 0 ? `（面談${meetings}件）` : ''}が新しい開催時間の外になります。商談枠が収まる日時にしてください（別の日に移すときは、開始と終了を同じだけずらすと、商談枠と面談も一緒に移ります）`,
      EventErrorCode.SESSION_OUTSIDE_NEW_TIME,
    ),
  sessionOverlap: (other: string) =>
    new InputError(
      'startsAt',
      `商談枠の時間が${other}と重なっています。同じ方・同じテーブルが同時に2つの面談に入らないよう、重ならない時間にしてください`,
      EventErrorCode.SESSION_OVERLAP,
    ),
  sessionNotFound: (id: string) =>
    new NotFoundError(EventErrorCode.SESSION_NOT_FOUND, `商談枠が見つかりません: ${id}`, 'id'),
  /** Staff, emails and the floor sheet tell sessions apart by name: two of one name would be confused. */
  sessionNameTaken: (other: string) =>
    new InputError(
      'name',
      `同じ名前の商談枠${other}がすでにあります。別の名前にしてください`,
      EventErrorCode.SESSION_NAME_TAKEN,
    ),
  /**
   * `session` as describeSession names it: 「午前の部」（10:30〜11:30）. Moving is the advice: calling
   * the meetings off to remove a session would take them from people who were told to come.
   */
  sessionHasMeetings: (session: string, meetings: number) =>
    new ConflictError(
      EventErrorCode.SESSION_HAS_MEETINGS,
      `商談枠${session}には面談が${meetings}件入っているため削除できません。面談をほかの商談枠へ移してから、削除してください`,
      'id',
    ),
  /**
   * Made one without 商談枠 while it still has one: `session` as describeSession names the first
   * (「個別相談」（19:00〜20:00）), and how many more there are. Removing them is staff's own step,
   * each refused while meetings are in it.
   */
  hasSessions: (session: string, others: number) =>
    new ConflictError(
      EventErrorCode.HAS_SESSIONS,
      `このイベントには商談枠${session}${others > 0 ? `ほか${others}件` : ''}があります。商談枠をすべて削除してから、商談枠のないイベントに戻してください`,
      'eventId',
    ),
  /** Made one without 商談枠 while meetings are placed in slots (see revertToNoSessions). */
  meetingsInSlots: (meetings: number) =>
    new ConflictError(
      EventErrorCode.MEETINGS_IN_SLOTS,
      `商談枠に入った面談が${meetings}件あります。商談枠のないイベントでは面談は会場内で行うため、戻せません`,
      'eventId',
    ),
  /** A 商談会 made one without 商談枠: its meetings are in time slots by its nature (see withoutSlots). */
  matchingHasSlots: () =>
    new ConflictError(
      EventErrorCode.MATCHING_HAS_SLOTS,
      '商談会は商談枠の時間に面談を行うイベントのため、商談枠のないイベントにはできません。商談枠を作り直してください',
      'eventId',
    ),
  sessionTablesRequired: () =>
    new InputError(
      'tableCount',
      'テーブル方式ではテーブル数が必要です',
      EventErrorCode.SESSION_TABLES_REQUIRED,
    ),
  coHostsByOrganizer: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      EventErrorCode.CO_HOSTS_BY_ORGANIZER,
      '共催団体を変更できるのは主催団体のスタッフです',
      'coHostIds',
    ),
  selfCoHost: () =>
    new InputError('coHostIds', '主催団体を共催に含めることはできません', EventErrorCode.SELF_CO_HOST),
};

/** 14:00: the time of day in Tokyo. */
function clock(instant: Date): string {
  return formatTokyoJapanese(instant).slice(-5);
}
