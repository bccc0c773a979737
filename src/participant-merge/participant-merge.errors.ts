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
  meetingBetween: (eventTitle: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.MEETING_BETWEEN,
      `2つの登録の間に面談があります（${eventTitle}）。同じ方どうしの面談は、先に取り消してください`,
      'duplicateId',
    ),
  dealBetween: (dealTitle: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.DEAL_BETWEEN,
      `2つの登録の間に商談の記録があります（「${dealTitle}」）。統合すると同じ方どうしの商談になるため、先にその記録を直すか削除してください`,
      'duplicateId',
    ),
  slotClash: (eventTitle: string, at: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.SLOT_CLASH,
      `2つの登録に、同じ時間の面談があります（${eventTitle}、${at}）。どちらかの面談を取り消してから統合してください`,
      'duplicateId',
    ),
  twoMeetingsWith: (eventTitle: string, counterpart: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.TWO_MEETINGS_WITH,
      `2つの登録のどちらにも、${counterpart} さんとの面談が成立しています（${eventTitle}）。どちらかの面談を取り消してから統合してください`,
      'duplicateId',
    ),
  twoMiniSalonRequests: (organization: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.TWO_MINI_SALON_REQUESTS,
      `2つの登録のどちらにも、${organization}あての検討中のミニサロン開催要望があります。どちらかを承認または見送ってから統合してください`,
      'duplicateId',
    ),
};
