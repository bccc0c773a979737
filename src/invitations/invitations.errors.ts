import { ConflictError, InputError, NotFoundError } from '../common/errors/app-error';
import { formatDeadline } from '../mail/templates/mail-dates';

export enum InvitationErrorCode {
  CAMPAIGN_NOT_FOUND = 'INVITATION_CAMPAIGN_NOT_FOUND',
  NO_INVITEES = 'INVITATION_NO_INVITEES',
  TOO_MANY_INVITEES = 'INVITATION_TOO_MANY_INVITEES',
  EVENT_NOT_OPEN = 'INVITATION_EVENT_NOT_OPEN',
  ALREADY_REGISTERED = 'INVITATION_ALREADY_REGISTERED',
  NOT_ANSWERABLE = 'INVITATION_NOT_ANSWERABLE',
  REPLACED = 'INVITATION_REPLACED',
  REGISTRATION_CLOSED = 'INVITATION_REGISTRATION_CLOSED',
  PAST_DEADLINE = 'INVITATION_PAST_DEADLINE',
}

export const MAX_INVITEES = 20_000;

export const InvitationErrors = {
  campaignNotFound: (id: string) =>
    new NotFoundError(
      InvitationErrorCode.CAMPAIGN_NOT_FOUND,
      `招待キャンペーンが見つかりません: ${id}`,
      undefined,
      id,
    ),
  noInvitees: () =>
    new InputError('participantIds', '招待する参加者を指定してください', InvitationErrorCode.NO_INVITEES),
  invalidId: (id: string) => new InputError('participantIds', `参加者IDの形式が正しくありません: ${id}`),
  tooMany: () =>
    new InputError(
      'participantIds',
      `一度に招待できるのは ${MAX_INVITEES.toLocaleString('ja-JP')} 名までです`,
      InvitationErrorCode.TOO_MANY_INVITEES,
    ),
  eventNotOpen: () =>
    new ConflictError(
      InvitationErrorCode.EVENT_NOT_OPEN,
      'このイベントは終了または中止されたため、招待・回答できません',
      'eventId',
    ).withEnglish('This event has ended or was cancelled, so the invitation can no longer be answered.'),
  /**
   * Declining what the invitee already accepted. The way to cancel is the button in the email that
   * confirmed it (signing in shows no such button: the participant's pages are the emails' links).
   */
  alreadyRegistered: (waitlisted = false) =>
    waitlisted
      ? new ConflictError(
          InvitationErrorCode.ALREADY_REGISTERED,
          'すでにキャンセル待ちで承っています。取り消す場合は、キャンセル待ちのお知らせメールにある「キャンセル待ちを取り消す」ボタンからお手続きください',
          'accept',
        ).withEnglish(
          'You are already on the waiting list. To leave it, use the "Leave the waiting list" button in the email that confirmed your place on it.',
        )
      : new ConflictError(
          InvitationErrorCode.ALREADY_REGISTERED,
          'すでに参加登録済みです。参加をキャンセルする場合は、参加登録完了のお知らせメールにある「参加をキャンセルする」ボタンからお手続きください',
          'accept',
        ).withEnglish(
          'You are already registered. To cancel, use the "Cancel my registration" button in your registration confirmation email.',
        ),
  /** 参加する after the 申込締切 staff set (declining stays possible: it only helps them plan). */
  /** `whom`: the organiser and how to reach them, where the caller knows them (the link's page). */
  registrationClosed: (closesAt: Date, whom?: { ja: string; en: string }) =>
    new ConflictError(
      InvitationErrorCode.REGISTRATION_CLOSED,
      `申込の受付は${formatDeadline('ja', closesAt)}で締め切りました。ご参加を希望される場合は、${whom?.ja ?? '主催者'}にお問い合わせください`,
      'accept',
    ).withEnglish(
      `Registration closed on ${formatDeadline('en', closesAt)}. If you would still like to join, please contact ${whom?.en ?? 'the organiser'}.`,
    ),
  /**
   * Inviting after the 申込締切: the email would ask for an answer by a time gone, and 参加する would
   * be refused. Staff may still register the person themselves (register takes no window).
   */
  pastDeadline: (closesAt: Date) =>
    new ConflictError(
      InvitationErrorCode.PAST_DEADLINE,
      `申込締切（${formatDeadline('ja', closesAt)}）を過ぎているため招待できません。参加登録（register で代理登録）するか、申込締切を延ばしてください`,
      'eventId',
    ),
  notAnswerable: () =>
    new ConflictError(
      InvitationErrorCode.NOT_ANSWERABLE,
      'この招待にはもう回答できません',
      'token',
    ).withEnglish('This invitation can no longer be answered.'),
  /** A link of an earlier invitation, after staff invited the person again: the new email answers. */
  replaced: () =>
    new ConflictError(
      InvitationErrorCode.REPLACED,
      'このご招待は、あとからお送りした新しいご招待メールに替わりました。新しいメールのボタンからお知らせください',
      'token',
    ).withEnglish(
      'This invitation was replaced by a newer invitation email. Please answer with its buttons.',
    ),
};
