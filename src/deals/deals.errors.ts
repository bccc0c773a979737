import { ConflictError, InputError, NotFoundError } from '../common/errors/app-error';
import { fiscalYearLabel } from '../common/japan/fiscal-year';
import { DEAL_STAGE_LABEL, DealCorrectionKind, DealStage } from './deal-enums';

export enum DealErrorCode {
  NOT_FOUND = 'DEAL_NOT_FOUND',
  FOLLOW_UP_NOT_FOUND = 'DEAL_FOLLOW_UP_NOT_FOUND',
  MEETING_NOT_HELD = 'DEAL_MEETING_NOT_HELD',
  EVENT_NOT_HELD = 'DEAL_EVENT_NOT_HELD',
  PARTY_NOT_AT_EVENT = 'DEAL_PARTY_NOT_AT_EVENT',
  PARTIES_REQUIRED = 'DEAL_PARTIES_REQUIRED',
  SAME_PARTIES = 'DEAL_SAME_PARTIES',
  ORGANIZATION_REQUIRED = 'DEAL_ORGANIZATION_REQUIRED',
  INVALID_STAGE_TRANSITION = 'DEAL_INVALID_STAGE_TRANSITION',
  CLOSED_ON_INVALID = 'DEAL_CLOSED_ON_INVALID',
  STARTED_BEFORE_SOURCE = 'DEAL_STARTED_BEFORE_SOURCE',
  STARTED_ON_INVALID = 'DEAL_STARTED_ON_INVALID',
  FOLLOW_UP_SUBJECT_REQUIRED = 'DEAL_FOLLOW_UP_SUBJECT_REQUIRED',
  FOLLOW_UP_DONE = 'DEAL_FOLLOW_UP_DONE',
  FOLLOW_UP_CANCELLED = 'DEAL_FOLLOW_UP_CANCELLED',
  FOLLOW_UP_DUE_INVALID = 'DEAL_FOLLOW_UP_DUE_INVALID',
  ASSIGNEE_NOT_IN_ORGANIZATION = 'DEAL_ASSIGNEE_NOT_IN_ORGANIZATION',
  ASSIGNEE_DEACTIVATED = 'DEAL_ASSIGNEE_DEACTIVATED',
  STAFF_NOT_FOUND = 'DEAL_STAFF_NOT_FOUND',
  HAND_OVER_TO_SELF = 'DEAL_HAND_OVER_TO_SELF',
  DELETION_REASON_REQUIRED = 'DEAL_DELETION_REASON_REQUIRED',
  CHANGE_REASON_REQUIRED = 'DEAL_CHANGE_REASON_REQUIRED',
  FOLLOW_UPS_DONE_NOT_MOVED = 'DEAL_FOLLOW_UPS_DONE_NOT_MOVED',
  FOLLOW_UPS_DESTINATION_INVALID = 'DEAL_FOLLOW_UPS_DESTINATION_INVALID',
  ADDITION_REASON_REQUIRED = 'DEAL_ADDITION_REASON_REQUIRED',
}

/** 削除・変更・記録の理由: a sentence or two, read in the year's report. */
export const MAX_CORRECTION_REASON = 1000;

/** What staff did, as the reason asked for names it: 記録 (recordDeal) rather than 追加, their word. */
const CORRECTION_LABEL: Record<DealCorrectionKind, string> = {
  DELETED: '削除',
  CHANGED: '変更',
  ADDED: '記録',
};

/** The same, in English: the reason for … */
const CORRECTION_LABEL_EN: Record<DealCorrectionKind, string> = {
  DELETED: 'deleting the deal',
  CHANGED: 'the change',
  ADDED: 'recording the deal',
};

/** What the correction does to the ended years' figures, as the refusal says it. */
const CORRECTION_EFFECT: Record<DealCorrectionKind, (years: string) => string> = {
  DELETED: (years) => `この商談は終了した年度（${years}）の実績に数えられています。`,
  CHANGED: (years) => `この変更で終了した年度（${years}）の実績が変わります。`,
  ADDED: (years) => `この商談は終了した年度（${years}）の実績に数えられます。`,
};
/** The same in English, with the request for the reason. */
const CORRECTION_EFFECT_EN: Record<DealCorrectionKind, (years: string) => string> = {
  DELETED: (years) => `This deal counts in the figures of ${years}. Please give the reason for deleting it`,
  CHANGED: (years) => `This change alters the figures of ${years}. Please give the reason for the change`,
  ADDED: (years) =>
    `This deal counts in the figures of ${years}. Please give the reason for recording it only now`,
};
/** Each kind its own code, so that a client can tell which the reason is for. */
const REASON_REQUIRED_CODE: Record<DealCorrectionKind, DealErrorCode> = {
  DELETED: DealErrorCode.DELETION_REASON_REQUIRED,
  CHANGED: DealErrorCode.CHANGE_REASON_REQUIRED,
  ADDED: DealErrorCode.ADDITION_REASON_REQUIRED,
};

export const DealErrors = {
  notFound: (id: string) =>
    new NotFoundError(DealErrorCode.NOT_FOUND, `商談が見つかりません: ${id}`, undefined, id),
  followUpNotFound: (id: string) =>
    new NotFoundError(
      DealErrorCode.FOLLOW_UP_NOT_FOUND,
      `フォローアップが見つかりません: ${id}`,
      undefined,
      id,
    ),
  meetingNotHeld: () =>
    new InputError(
      'meetingId',
      '商談は実施済みの面談から記録してください（面談を「実施」にしてから記録できます）',
      DealErrorCode.MEETING_NOT_HELD,
    ),
  eventNotHeld: (reason: string) =>
    new InputError(
      'eventId',
      `${reason}のため、このイベントでの商談は記録できません`,
      DealErrorCode.EVENT_NOT_HELD,
    ),
  partyNotAtEvent: (field: 'participantAId' | 'participantBId', name: string) =>
    new InputError(
      field,
      `${name} 様はこのイベントに参加登録・出席していないため、このイベントでの商談として記録できません（出欠を直すか、イベントを指定せずに記録してください）`,
      DealErrorCode.PARTY_NOT_AT_EVENT,
    ),
  partiesRequired: () =>
    new InputError(
      'participantAId',
      '面談を指定しない場合は、商談の当事者を2人とも指定してください',
      DealErrorCode.PARTIES_REQUIRED,
    ),
  sameParties: () =>
    new InputError(
      'participantBId',
      '商談の当事者に同じ参加者を二度指定できません',
      DealErrorCode.SAME_PARTIES,
    ),
  organizationRequired: () =>
    new InputError(
      'organizationId',
      'イベントに紐づかない商談を管理者が記録するときは、主催団体を指定してください',
      DealErrorCode.ORGANIZATION_REQUIRED,
    ),
  invalidStageTransition: (from: DealStage, to: DealStage) =>
    new ConflictError(
      DealErrorCode.INVALID_STAGE_TRANSITION,
      `「${DEAL_STAGE_LABEL[from]}」の商談を「${DEAL_STAGE_LABEL[to]}」にはできません`,
      'stage',
    ),
  closedOnWithoutClosing: () =>
    new InputError(
      'closedOn',
      '成約日・不成立日は、成約または不成立の商談にだけ指定できます',
      DealErrorCode.CLOSED_ON_INVALID,
    ),
  closedInFuture: () =>
    new InputError(
      'closedOn',
      '成約日・不成立日は今日以前の日付にしてください（これからの成約は「商談中」で記録します）',
      DealErrorCode.CLOSED_ON_INVALID,
    ),
  startedBeforeSource: (day: string) =>
    new InputError(
      'startedOn',
      `商談開始日は、もとになった面談・イベントの日（${day}）以降の日付にしてください`,
      DealErrorCode.STARTED_BEFORE_SOURCE,
    ),
  /** A start still to come is a mistyped year (2027 for 2026, say): talks not yet begun are no deal. */
  startedInFuture: (today: string) =>
    new InputError(
      'startedOn',
      `商談開始日は今日（${today}）以前の日付にしてください`,
      DealErrorCode.STARTED_ON_INVALID,
    ),
  /** A new 商談開始日 after the closing date the deal keeps: the start is what was just typed. */
  startedAfterClosing: (closedOn: string) =>
    new InputError(
      'startedOn',
      `商談開始日は成約日・不成立日（${closedOn}）以前の日付にしてください`,
      DealErrorCode.STARTED_ON_INVALID,
    ),
  closedBeforeStart: () =>
    new InputError(
      'closedOn',
      '成約日・不成立日は商談開始日以降の日付にしてください',
      DealErrorCode.CLOSED_ON_INVALID,
    ),
  followUpSubjectRequired: () =>
    new InputError(
      'dealId',
      'フォローアップの対象（商談または参加者）を指定してください',
      DealErrorCode.FOLLOW_UP_SUBJECT_REQUIRED,
    ),
  /** A check on a deal before the deal began is a mistyped date (2020 for 2026, say). */
  followUpBeforeDeal: (startedOn: string) =>
    new InputError(
      'dueOn',
      `フォローアップの期日は商談開始日（${startedOn}）以降の日付にしてください`,
      DealErrorCode.FOLLOW_UP_DUE_INVALID,
    ),
  nextFollowUpNotLater: (dueOn: string) =>
    new InputError(
      'nextDueOn',
      `次回の期日は今回の期日（${dueOn}）より後の日付にしてください`,
      DealErrorCode.FOLLOW_UP_DUE_INVALID,
    ),
  doneBeforeDeal: (startedOn: string) =>
    new InputError(
      'doneOn',
      `実施日は商談開始日（${startedOn}）以降の日付にしてください`,
      DealErrorCode.FOLLOW_UP_DUE_INVALID,
    ),
  nextFollowUpNotAfterVisit: (doneOn: string) =>
    new InputError(
      'nextDueOn',
      `次回の期日は今回の実施日（${doneOn}）より後の日付にしてください`,
      DealErrorCode.FOLLOW_UP_DUE_INVALID,
    ),
  followUpDone: () =>
    new ConflictError(DealErrorCode.FOLLOW_UP_DONE, 'このフォローアップはすでに完了しています', 'id'),
  followUpCancelled: () =>
    new ConflictError(DealErrorCode.FOLLOW_UP_CANCELLED, 'このフォローアップは取りやめ済みです', 'id'),
  /** A closed follow-up: done, or cancelled (both set doneAt), each refused in its own words. */
  followUpClosed: (followUp: { cancelledAt: Date | null }): ConflictError =>
    followUp.cancelledAt ? DealErrors.followUpCancelled() : DealErrors.followUpDone(),
  /** `field`: the argument naming the assignee (assignedToId, or toUserId of a hand-over). */
  assigneeNotInOrganization: (field = 'assignedToId') =>
    new InputError(
      field,
      '担当者には同じ団体のスタッフを指定してください',
      DealErrorCode.ASSIGNEE_NOT_IN_ORGANIZATION,
    ),
  assigneeDeactivated: (field = 'assignedToId') =>
    new InputError(
      field,
      'このスタッフのアカウントは利用停止中のため、担当にできません',
      DealErrorCode.ASSIGNEE_DEACTIVATED,
    ),
  staffNotFound: (field: string) =>
    new NotFoundError(DealErrorCode.STAFF_NOT_FOUND, 'スタッフのアカウントが見つかりません', field),
  handOverToSelf: () =>
    new InputError(
      'toUserId',
      '引き継ぎ先には引き継ぎ元とは別のスタッフを指定してください',
      DealErrorCode.HAND_OVER_TO_SELF,
    ),
  /**
   * A deal counted in a year that has ended (and has likely been reported): deleting it, changing
   * what it counts there, or recording it only now changes that year's figures, so the report says
   * why (年度終了後の訂正).
   */
  reasonRequired: (correction: DealCorrectionKind, endedYears: number[]) => {
    const years = endedYears.map((year) => fiscalYearLabel(year)).join('・');
    const yearsEn = `${endedYears.map((year) => fiscalYearLabel(year, 'en')).join(' and ')}, which ${endedYears.length > 1 ? 'have' : 'has'} ended`;
    return new InputError(
      'reason',
      CORRECTION_EFFECT[correction](years) +
        `${CORRECTION_LABEL[correction]}の理由を入力してください（年度終了後の訂正として、その年度の実績報告に載ります）`,
      REASON_REQUIRED_CODE[correction],
    ).withEnglish(
      CORRECTION_EFFECT_EN[correction](yearsEn) +
        ": the year's report shows it as a correction made after the year ended.",
    );
  },
  /**
   * A deal with follow-ups done: they are visits that took place, counted in the 年度 they were
   * made in (フォローアップ実施件数, perhaps already reported), so they are not deleted with it but
   * moved to the deal kept (deleteDeal's moveFollowUpsTo).
   */
  doneFollowUpsNotMoved: (done: number) =>
    new InputError(
      'moveFollowUpsTo',
      `この商談には完了したフォローアップが ${done} 件あります（実施した訪問・確認の記録で、年度実績の実施件数に数えられています）。` +
        '移す先の商談（二重登録なら残す方の商談）を moveFollowUpsTo に指定してください。残す商談がなければ、正しい商談を記録してから削除してください',
      DealErrorCode.FOLLOW_UPS_DONE_NOT_MOVED,
    ).withEnglish(
      `This deal has ${done} follow-up${done === 1 ? '' : 's'} done: visits that took place, counted in the year's follow-ups done. ` +
        'Please name the deal to move them to in moveFollowUpsTo (the copy you keep, for a deal entered twice), ' +
        'or record the right deal first if there is none.',
    ),
  /** moveFollowUpsTo naming no deal (or one deleted meanwhile). */
  followUpsDestinationNotFound: (id: string) =>
    new NotFoundError(
      DealErrorCode.NOT_FOUND,
      `フォローアップを移す先の商談が見つかりません: ${id}`,
      'moveFollowUpsTo',
      id,
    ).withEnglish(`The deal to move the follow-ups to was not found: ${id}`),
  /** The deal being deleted itself. */
  followUpsDestinationSame: () =>
    new InputError(
      'moveFollowUpsTo',
      'フォローアップを移す先には、削除する商談とは別の商談（二重登録なら残す方）を指定してください',
      DealErrorCode.FOLLOW_UPS_DESTINATION_INVALID,
    ).withEnglish(
      'Please name a deal other than the one being deleted to move its follow-ups to (the copy you keep).',
    ),
  /**
   * Another organisation's deal, or one between other people: a follow-up is a visit to a deal's
   * two parties, who read it in their exported data and whose erasure redacts it.
   */
  followUpsDestinationUnrelated: () =>
    new InputError(
      'moveFollowUpsTo',
      'フォローアップを移す先には、同じ団体が記録した同じ2人の商談を指定してください（二重登録なら残す方の商談）',
      DealErrorCode.FOLLOW_UPS_DESTINATION_INVALID,
    ).withEnglish(
      'Please move the follow-ups to a deal your organisation recorded between the same two people (the copy you keep).',
    ),
  /** A follow-up dated before the deal kept began: scheduleFollowUp and completeFollowUp refuse as much. */
  followUpsBeforeDestination: (startedOn: string, earliest: string) =>
    new InputError(
      'moveFollowUpsTo',
      `移す先の商談の商談開始日（${startedOn}）より前のフォローアップ（${earliest}）があります。` +
        '移す先の商談開始日を直してから削除してください',
      DealErrorCode.FOLLOW_UPS_DESTINATION_INVALID,
    ).withEnglish(
      `A follow-up (${earliest}) is dated before the deal to move it to began (${startedOn}). ` +
        "Please correct that deal's start date first.",
    ),
  reasonTooLong: (correction: DealCorrectionKind) =>
    new InputError(
      'reason',
      `${CORRECTION_LABEL[correction]}の理由は ${MAX_CORRECTION_REASON} 文字以内で入力してください`,
    ).withEnglish(
      `Please keep the reason for ${CORRECTION_LABEL_EN[correction]} to ${MAX_CORRECTION_REASON} characters.`,
    ),
};
