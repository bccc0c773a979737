import { ConflictError, InputError } from '../common/errors/app-error';

export enum ParticipantMergeErrorCode {
  SAME_PARTICIPANT = 'PARTICIPANT_MERGE_SAME_PARTICIPANT',
  MEETING_BETWEEN = 'PARTICIPANT_MERGE_MEETING_BETWEEN',
  DEAL_BETWEEN = 'PARTICIPANT_MERGE_DEAL_BETWEEN',
  SLOT_CLASH = 'PARTICIPANT_MERGE_SLOT_CLASH',
  TWO_MEETINGS_WITH = 'PARTICIPANT_MERGE_TWO_MEETINGS_WITH',
  TWO_MINI_SALON_REQUESTS = 'PARTICIPANT_MERGE_TWO_MINI_SALON_REQUESTS',
  BOOTH_HAS_MEETINGS = 'PARTICIPANT_MERGE_BOOTH_HAS_MEETINGS',
  BOOTH_TAKEN = 'PARTICIPANT_MERGE_BOOTH_TAKEN',
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
  /**
   * At an event where both profiles are registered, the booth the person keeps (the kept profile's,
   * else the other's) differs from the one published meetings of one of them are placed at (or by:
   * a visitor's at another's booth, when they take on one of their own). Those meetings' people
   * were told where to go: staff call them off first, or set the booths so that nothing moves.
   */
  boothHasMeetings: (at: SeenAt, from: string | null, to: string | null) =>
    new ConflictError(
      ParticipantMergeErrorCode.BOOTH_HAS_MEETINGS,
      at.title !== null
        ? `イベント「${at.title}」では、統合するとこの方のブースが${to ? ` ${to} に` : 'なくなり'}変わりますが、` +
            `${from ? `ブース ${from} に` : ''}公開済み（参加者にお知らせ済み）の面談が配置されているため統合できません。` +
            '先にその面談を中止するか、2つの登録のブースをそろえてから統合してください（未公開の配置は統合とともに取り消されます）'
        : `${at.organization}のイベントで、統合するとこの方のブースが変わりますが、公開済みの面談が配置されているため統合できません。` +
            `先に${at.organization}に面談の中止かブースの変更を依頼してから統合してください`,
      'duplicateId',
    ).withEnglish(
      at.title !== null
        ? `At “${at.title}”, merging would ${to ? `move this person to booth ${to}` : 'leave this person without a booth'}, ` +
            `but published meetings are placed ${from ? `at booth ${from}` : 'for them'}. ` +
            'Cancel those meetings, or give both registrations the same booth, before merging (unpublished placements are taken back by the merge).'
        : `At an event of ${at.organization}, merging would change this person's booth, but published meetings are placed for them. ` +
            `Ask ${at.organization} to cancel those meetings or change the booth before merging.`,
    ),
  /** The booth the merge would give the person (the other profile's) is another company's now. */
  boothTaken: (at: SeenAt, booth: string, holder: string) =>
    new ConflictError(
      ParticipantMergeErrorCode.BOOTH_TAKEN,
      at.title !== null
        ? `イベント「${at.title}」で、統合してこの方が引き継ぐブース ${booth} は、すでに${holder}に割り当てられています。` +
            '先にどちらかのブースを変更するか、もう一方の登録のブースを外してから統合してください'
        : `${at.organization}のイベントで、統合してこの方が引き継ぐブースは、すでに別の会社に割り当てられています。` +
            `先に${at.organization}にブースの変更を依頼してから統合してください`,
      'duplicateId',
    ).withEnglish(
      at.title !== null
        ? `At “${at.title}”, booth ${booth}, which this person would take over by the merge, is already assigned to ${holder}. ` +
            'Change one of the booths, or remove the booth from the other registration, before merging.'
        : `At an event of ${at.organization}, the booth this person would take over by the merge is already assigned to another company. ` +
            `Ask ${at.organization} to change the booth before merging.`,
    ),
};
