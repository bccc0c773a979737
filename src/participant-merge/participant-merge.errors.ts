import { ConflictError, InputError } from '../common/errors/app-error';

export enum ParticipantMergeErrorCode {
  SAME_PARTICIPANT = 'PARTICIPANT_MERGE_SAME_PARTICIPANT',
  MEETING_BETWEEN = 'PARTICIPANT_MERGE_MEETING_BETWEEN',
  DEAL_BETWEEN = 'PARTICIPANT_MERGE_DEAL_BETWEEN',
  SLOT_CLASH = 'PARTICIPANT_MERGE_SLOT_CLASH',
  TWO_MEETINGS_WITH = 'PARTICIPANT_MERGE_TWO_MEETINGS_WITH',
  TWO_MINI_SALON_REQUESTS = 'PARTICIPANT_MERGE_TWO_MINI_SALON_REQUESTS',
}

/**
 * Where a record that stops a merge is: its title (the event's, the deal's) where the caller's
 * organisation may see it, else null and only the organisation that holds it, whom staff then ask.
 * Merging is open to every organisation's staff; another's deal titles and the meetings at events
 * they do not run are not (see DealsService.getVisible, EventsService.getManaged).
 */
export interface SeenAt {
  title: string | null;
  organization: string;
}

/**
 * What a merge leaves to staff: each is a choice only they can make (which of two meetings to call
 * off, and telling the other side), so the merge stops, names it and changes nothing.
 */
export const ParticipantMergeErrors = {
  sameParticipant: (field: 'duplicateId' | 'otherId') =>
    new InputError(
      field,
      '同じ参加者が2回指定されています。もう一方の参加者を指定してください',
      ParticipantMergeErrorCode.SAME_PARTICIPANT,
    ),
  meetingBetween: (at: SeenAt) =>
    new ConflictError(
      ParticipantMergeErrorCode.MEETING_BETWEEN,
      at.title !== null
        ? `2つの登録の間に面談があります（${at.title}）。同じ方どうしの面談は、先に取り消してください`
        : `2つの登録の間に、${at.organization}のイベントでの面談があります。統合すると同じ方どうしの面談になるため、先に${at.organization}に取り消しを依頼してください`,
      'duplicateId',
    ),
  dealBetween: (at: SeenAt) =>
    new ConflictError(
      ParticipantMergeErrorCode.DEAL_BETWEEN,
      at.title !== null
        ? `2つの登録の間に商談の記録があります（「${at.title}」）。統合すると同じ方どうしの商談になるため、先にその記録を直すか削除してください`
        : `2つの登録の間に、${at.organization}が記録した商談があります。統合すると同じ方どうしの商談になるため、先に${at.organization}にその記録を直すか削除するよう依頼してください`,
      'duplicateId',
    ),
  slotClash: (at: SeenAt, when: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.SLOT_CLASH,
      at.title !== null
        ? `2つの登録に、同じ時間の面談があります（${at.title}、${when}）。どちらかの面談を取り消してから統合してください`
        : `2つの登録に、同じ時間の面談があります（${at.organization}のイベント）。${at.organization}にどちらかの面談の取り消しを依頼してから統合してください`,
      'duplicateId',
    ),
  twoMeetingsWith: (at: SeenAt, counterpart: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.TWO_MEETINGS_WITH,
      at.title !== null
        ? `2つの登録のどちらにも、${counterpart} さんとの面談が成立しています（${at.title}）。どちらかの面談を取り消してから統合してください`
        : `2つの登録のどちらにも、同じ方との面談が成立しています（${at.organization}のイベント）。${at.organization}にどちらかの面談の取り消しを依頼してから統合してください`,
      'duplicateId',
    ),
  twoMiniSalonRequests: (organization: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.TWO_MINI_SALON_REQUESTS,
      `2つの登録のどちらにも、${organization}あての検討中のミニサロン開催要望があります。どちらかを承認または見送ってから統合してください`,
      'duplicateId',
    ),
};
