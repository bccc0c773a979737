import { AppError, ConflictError, ErrorKind, InputError, NotFoundError } from '../common/errors/app-error';
import {
  MEETING_REQUEST_STATUS_LABEL,
  MEETING_STATUS_LABEL,
  MEETING_STATUS_LABEL_EN,
  MeetingRequestStatus,
  MeetingStatus,
} from './meeting-enums';

export enum MeetingErrorCode {
  REQUEST_NOT_FOUND = 'MEETING_REQUEST_NOT_FOUND',
  MEETING_NOT_FOUND = 'MEETING_NOT_FOUND',
  EVENT_NOT_OPEN = 'MEETING_EVENT_NOT_OPEN',
  REQUESTER_NOT_REGISTERED = 'MEETING_REQUESTER_NOT_REGISTERED',
  RECIPIENT_NOT_REGISTERED = 'MEETING_RECIPIENT_NOT_REGISTERED',
  RECIPIENT_NOT_ACCEPTING = 'MEETING_RECIPIENT_NOT_ACCEPTING',
  SELF_REQUEST = 'MEETING_SELF_REQUEST',
  DUPLICATE_REQUEST = 'MEETING_DUPLICATE_REQUEST',
  NO_BOOTH_BETWEEN = 'MEETING_NO_BOOTH_BETWEEN',
  SAME_SIDE = 'MEETING_SAME_SIDE',
  DECLINED_BEFORE = 'MEETING_DECLINED_BEFORE',
  REQUEST_CAP_REACHED = 'MEETING_REQUEST_CAP_REACHED',
  REQUEST_EXPIRED = 'MEETING_REQUEST_EXPIRED',
  NOT_RECIPIENT = 'MEETING_NOT_RECIPIENT',
  NOT_A_SIDE = 'MEETING_NOT_A_SIDE',
  INVALID_REQUEST_TRANSITION = 'MEETING_REQUEST_INVALID_TRANSITION',
  INVALID_TRANSITION = 'MEETING_INVALID_TRANSITION',
  REQUEST_NOT_ACCEPTED = 'MEETING_REQUEST_NOT_ACCEPTED',
  SLOT_TAKEN = 'MEETING_SLOT_TAKEN',
  ALREADY_PLACED = 'MEETING_ALREADY_PLACED',
  INVALID_SLOT = 'MEETING_INVALID_SLOT',
  SLOT_PAST = 'MEETING_SLOT_PAST',
  INVALID_TABLE = 'MEETING_INVALID_TABLE',
  SESSION_NOT_IN_EVENT = 'MEETING_SESSION_NOT_IN_EVENT',
  NOT_IN_MEETING = 'MEETING_PARTICIPANT_NOT_IN_MEETING',
  MESSAGE_TOO_LONG = 'MEETING_MESSAGE_TOO_LONG',
  NOT_STARTED = 'MEETING_NOT_STARTED',
  AGENDA_EVENT_NOT_FOUND = 'AGENDA_EVENT_NOT_FOUND',
  AGENDA_CHANGED = 'AGENDA_CHANGED_SINCE_READ',
  AGENDA_LINK_INVALID = 'AGENDA_LINK_INVALID',
  AGENDA_EMPTY = 'AGENDA_EMPTY',
}

export const MAX_MESSAGE_LENGTH = 1000;

export const MeetingErrors = {
  agendaEventNotFound: (id: string) =>
    new NotFoundError(
      MeetingErrorCode.AGENDA_EVENT_NOT_FOUND,
      `イベントが見つかりません: ${id}`,
      'eventId',
    ).withEnglish(`Event not found: ${id}`),
  agendaLinkInvalid: () =>
    new NotFoundError(
      MeetingErrorCode.AGENDA_LINK_INVALID,
      'このリンクでは面談スケジュールを表示できません。最新の面談スケジュールのメールにあるリンクからお開きください',
    ).withEnglish(
      'This link does not open a meeting schedule. Please use the link in your latest meeting schedule email.',
    ),
  agendaEmpty: () =>
    new ConflictError(
      MeetingErrorCode.AGENDA_EMPTY,
      'この参加者には、このイベントで予定している面談がなく、お送りする面談スケジュールがありません。取り消しになった面談は、【面談中止】などのメールでご本人にお知らせしています',
      'participantId',
    ),
  agendaChangedSinceRead: () =>
    new ConflictError(
      MeetingErrorCode.AGENDA_CHANGED,
      '表示した後に面談スケジュールが変わりました。読み込み直して、変更をご確認ください',
      'version',
    ).withEnglish('Your meeting schedule changed after it was shown. Please reload it to see the changes.'),
  requestNotFound: (id: string) =>
    new NotFoundError(
      MeetingErrorCode.REQUEST_NOT_FOUND,
      `面談申込が見つかりません: ${id}`,
      undefined,
      id,
    ).withEnglish(`Meeting request not found: ${id}`),
  notStarted: (startsAt: string) =>
    new ConflictError(
      MeetingErrorCode.NOT_STARTED,
      `面談の開始（${startsAt}）前のため、実施・欠席は記録できません`,
      'id',
    ),
  meetingNotFound: (id: string) =>
    new NotFoundError(
      MeetingErrorCode.MEETING_NOT_FOUND,
      `面談が見つかりません: ${id}`,
      undefined,
      id,
    ).withEnglish(`Meeting not found: ${id}`),
  eventNotOpen: () =>
    new ConflictError(
      MeetingErrorCode.EVENT_NOT_OPEN,
      'このイベントは公開中ではないため、面談の申込・回答はできません',
      'eventId',
    ).withEnglish('This event is not open, so meetings can no longer be requested or answered.'),
  requesterNotRegistered: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      MeetingErrorCode.REQUESTER_NOT_REGISTERED,
      'このイベントに参加登録している方だけが面談を申し込めます',
      'eventId',
    ).withEnglish('Only participants registered for this event can request meetings.'),
  recipientNotRegistered: () =>
    new InputError(
      'toParticipantId',
      '申込先の方はこのイベントに参加登録していません',
      MeetingErrorCode.RECIPIENT_NOT_REGISTERED,
    ).withEnglish('The person you asked to meet is not registered for this event.'),
  /**
   * The person asked has no matchmaking consent (withdrawn, or never given). Said without the
   * why: whether and when someone withdrew is theirs.
   */
  recipientNotAccepting: () =>
    new ConflictError(
      MeetingErrorCode.RECIPIENT_NOT_ACCEPTING,
      'この方は現在、面談の申込を受け付けていません',
      'toParticipantId',
    ).withEnglish('This person is not accepting meeting requests at the moment.'),
  selfRequest: () =>
    new InputError(
      'toParticipantId',
      'ご自身には面談を申し込めません',
      MeetingErrorCode.SELF_REQUEST,
    ).withEnglish('You cannot request a meeting with yourself.'),
  /** Two buyers, or two sellers, at a 商談会. */
  sameSide: (role: 'BUYER' | 'SELLER') =>
    new InputError(
      'toParticipantId',
      role === 'BUYER'
        ? 'この方もバイヤーのため、面談を申し込めません。商談会の面談はバイヤーとサプライヤーの間で行います'
        : 'この方もサプライヤーのため、面談を申し込めません。商談会の面談はバイヤーとサプライヤーの間で行います',
      MeetingErrorCode.SAME_SIDE,
    ).withEnglish(
      role === 'BUYER'
        ? 'This person is a buyer too. At this business meeting, buyers meet suppliers.'
        : 'This person is a supplier too. At this business meeting, suppliers meet buyers.',
    ),
  /** Where every 商談枠 is at an exhibitor's booth, and neither side has one. */
  noBoothBetween: () =>
    new InputError(
      'toParticipantId',
      'このイベントの面談は出展者のブースで行います。どちらにもブースがないため、この方とは面談を組めません。ブースのある出展者にお申込ください',
      MeetingErrorCode.NO_BOOTH_BETWEEN,
    ).withEnglish(
      "Meetings at this event take place at exhibitors' booths, and neither of you has one, so this meeting cannot be arranged. Please ask an exhibitor with a booth.",
    ),
  duplicate: () =>
    new ConflictError(
      MeetingErrorCode.DUPLICATE_REQUEST,
      'この方との面談申込はすでにあります（回答待ちまたは承諾済み）',
      'toParticipantId',
    ).withEnglish('There is already a meeting request with this person (waiting for an answer or accepted).'),
  declinedBefore: () =>
    new ConflictError(
      MeetingErrorCode.DECLINED_BEFORE,
      'この方からは、このイベントでの面談を見送るとのお返事をいただいています',
      'toParticipantId',
    ).withEnglish('This person has declined a meeting with you at this event.'),
  capReached: (cap: number) =>
    new ConflictError(
      MeetingErrorCode.REQUEST_CAP_REACHED,
      `このイベントで送れる面談申込は ${cap} 件までです`,
      'toParticipantId',
    ).withEnglish(`You can send up to ${cap} meeting requests for this event.`),
  expired: () =>
    new ConflictError(
      MeetingErrorCode.REQUEST_EXPIRED,
      'この面談申込は回答期限を過ぎています',
      'id',
    ).withEnglish('The time to answer this meeting request has passed.'),
  notRecipient: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      MeetingErrorCode.NOT_RECIPIENT,
      'この面談申込に回答できるのは申込を受けた方だけです',
    ).withEnglish('Only the person who received this meeting request can answer it.'),
  notASide: () =>
    new AppError(
      ErrorKind.FORBIDDEN,
      MeetingErrorCode.NOT_A_SIDE,
      'ご自身の面談・申込だけを操作できます',
    ).withEnglish('You can only change your own meetings and meeting requests.'),
  invalidRequestTransition: (from: MeetingRequestStatus) =>
    new ConflictError(
      MeetingErrorCode.INVALID_REQUEST_TRANSITION,
      `この面談申込は${MEETING_REQUEST_STATUS_LABEL[from]}のため、この操作はできません`,
      'id',
    ).withEnglish(`This meeting request is ${from.toLowerCase()}, so it cannot be changed.`),
  invalidTransition: (from: MeetingStatus, to: MeetingStatus) =>
    new ConflictError(
      MeetingErrorCode.INVALID_TRANSITION,
      `面談の状態を「${MEETING_STATUS_LABEL[from]}」から「${MEETING_STATUS_LABEL[to]}」に変更できません`,
      'id',
    ).withEnglish(
      `A meeting marked "${MEETING_STATUS_LABEL_EN[from]}" cannot be changed to "${MEETING_STATUS_LABEL_EN[to]}".`,
    ),
  /** A request whose meeting took place (実施, 不参加あり) is the record of it: not withdrawn after. */
  meetingHappened: (status: MeetingStatus) =>
    new ConflictError(
      MeetingErrorCode.INVALID_TRANSITION,
      `この面談申込の面談は「${MEETING_STATUS_LABEL[status]}」として記録済みのため、取り消せません`,
      'id',
    ).withEnglish(
      `The meeting of this request is already recorded as ${status === MeetingStatus.HELD ? 'held' : 'missed'}, so the request cannot be cancelled.`,
    ),
  /** Only a meeting still to happen moves: one held, missed or called off is what it is. */
  notMovable: (status: MeetingStatus) =>
    new ConflictError(
      MeetingErrorCode.INVALID_TRANSITION,
      `「${MEETING_STATUS_LABEL[status]}」の面談は移動できません（移動できるのは予定の面談だけです）`,
      'id',
    ),
  notAccepted: () =>
    new ConflictError(
      MeetingErrorCode.REQUEST_NOT_ACCEPTED,
      '承諾された面談申込だけを配置できます',
      'requestId',
    ),
  alreadyPlaced: () =>
    new ConflictError(
      MeetingErrorCode.ALREADY_PLACED,
      'この面談申込はすでに時間枠に配置されています',
      'requestId',
    ),
  /** `why`: what holds the slot, where known (「テーブル 3 に別の面談があります」). */
  slotTaken: (why = 'テーブルまたは参加者のどちらかに別の面談があります') =>
    new ConflictError(MeetingErrorCode.SLOT_TAKEN, `この時間枠は埋まっています（${why}）`, 'slotIndex'),
  slotPast: (startsAt: string) =>
    new InputError(
      'slotIndex',
      `この時間枠（${startsAt} 開始）はすでに始まっています。これからの時間枠を指定してください`,
      MeetingErrorCode.SLOT_PAST,
    ),
  invalidSlot: (count: number) =>
    new InputError(
      'slotIndex',
      `時間枠の番号は 0〜${count - 1} で指定してください（0 が最初の枠。面談一覧CSVの枠番号から 1 を引いた数です）`,
      MeetingErrorCode.INVALID_SLOT,
    ),
  invalidTable: (message: string) => new InputError('table', message, MeetingErrorCode.INVALID_TABLE),
  /** A 商談枠 that is not the meeting's event's (another event's, or none at all: the answer is the same). */
  sessionNotInEvent: () =>
    new InputError(
      'sessionId',
      'この商談枠はこのイベントにありません。このイベントの商談枠を指定してください',
      MeetingErrorCode.SESSION_NOT_IN_EVENT,
    ),
  notInMeeting: () =>
    new InputError(
      'participantId',
      'この参加者はこの面談の当事者ではありません',
      MeetingErrorCode.NOT_IN_MEETING,
    ),
  messageTooLong: () =>
    new InputError(
      'message',
      `メッセージは ${MAX_MESSAGE_LENGTH} 文字以内で入力してください`,
      MeetingErrorCode.MESSAGE_TOO_LONG,
    ).withEnglish(`Please keep the message within ${MAX_MESSAGE_LENGTH} characters.`),
};
