import { ConflictError, InputError } from '../common/errors/app-error';
import { formatDeadline } from '../mail/templates/mail-dates';
import { EmailChangeCallOffReason } from './email-change-request.entity';

export enum EmailChangeErrorCode {
  INVALID_ADDRESS = 'EMAIL_CHANGE_INVALID_ADDRESS',
  SAME_ADDRESS = 'EMAIL_CHANGE_SAME_ADDRESS',
  ADDRESS_TAKEN = 'EMAIL_CHANGE_ADDRESS_TAKEN',
  TOO_MANY_REQUESTS = 'EMAIL_CHANGE_TOO_MANY_REQUESTS',
  ACCOUNT_DEACTIVATED = 'EMAIL_CHANGE_ACCOUNT_DEACTIVATED',
  REPLACED = 'EMAIL_CHANGE_REPLACED',
  CALLED_OFF = 'EMAIL_CHANGE_CALLED_OFF',
}

/** Why a change was called off, as the page behind its link says it (Japanese, English). */
const CALLED_OFF_BECAUSE: Record<EmailChangeCallOffReason, [(at: string) => string, (at: string) => string]> =
  {
    [EmailChangeCallOffReason.WITHDRAWN]: [
      (at) => `このメールアドレスの変更は${at}に取り消されたため、このリンクは使えなくなりました`,
      (at) => `This change of email address was called off on ${at}, so this link no longer works.`,
    ],
    [EmailChangeCallOffReason.ADDRESS_CORRECTED]: [
      (at) =>
        `${at}にイベントの主催者がご登録のメールアドレスを変更したため、このアドレスへの変更は取り消され、このリンクは使えなくなりました`,
      (at) =>
        `The organiser of your events changed your email address for Tsunagu on ${at}, so the change to this address was called off and this link no longer works.`,
    ],
    [EmailChangeCallOffReason.PROFILES_MERGED]: [
      (at) =>
        `${at}にイベントの主催者が Tsunagu の2つのご登録を1つにまとめたため、このアドレスへの変更は取り消され、このリンクは使えなくなりました`,
      (at) =>
        `On ${at} the organiser of your events joined your two registrations with Tsunagu into one, so the change to this address was called off and this link no longer works.`,
    ],
  };

export const EmailChangeErrors = {
  /** The form on the signed-in page (GraphQL checks the format before this). */
  invalidAddress: () =>
    new InputError(
      'email',
      'メールアドレスの形式が正しくありません',
      EmailChangeErrorCode.INVALID_ADDRESS,
    ).withEnglish('This is not a valid email address.'),
  sameAddress: () =>
    new InputError('email', '現在のメールアドレスと同じです', EmailChangeErrorCode.SAME_ADDRESS).withEnglish(
      'This is already your email address.',
    ),
  /**
   * Asked more than `perHour` times within the hour: no confirmation was sent, and they are asking
   * in their own session, so they are told plainly and when to ask again.
   */
  tooManyRequests: (perHour: number, againAt: Date) =>
    new InputError(
      'email',
      `この1時間に${perHour}回お申込いただいたため、今回は確認のメールをお送りしていません。${formatDeadline('ja', againAt)}以降に、もう一度お申込ください`,
      EmailChangeErrorCode.TOO_MANY_REQUESTS,
    ).withEnglish(
      `You have asked ${perHour} times in the last hour, so no confirmation email was sent this time. Please ask again after ${formatDeadline('en', againAt)}.`,
    ),
  /**
   * A staff account's confirmations, asked for by whoever manages it (updateStaffUser): it is their
   * own organisation's account, so they are told, and when to try again.
   */
  tooManyForAccount: (perHour: number, againAt: Date) =>
    new InputError(
      'email',
      `このアカウントには、この1時間に${perHour}回確認のメールを送ったため、今回は送っていません。${formatDeadline('ja', againAt)}以降に、もう一度変更してください`,
      EmailChangeErrorCode.TOO_MANY_REQUESTS,
    ),
  /** updateStaffUser: a switched-off account would never get the confirmation (its mail stays unsent). */
  accountDeactivated: () =>
    new InputError(
      'id',
      '利用停止中のアカウントのログイン用メールアドレスは変更できません。再開してから変更してください',
      EmailChangeErrorCode.ACCOUNT_DEACTIVATED,
    ),
  /**
   * The page behind a staff account's link: the account was switched off after the request. The
   * page goes on with whom to ask for the change (see EmailChangePageController).
   */
  loginDeactivated: () =>
    new InputError(
      'token',
      'このアカウントは利用停止中のため、今はログイン用メールアドレスを変更できません',
      EmailChangeErrorCode.ACCOUNT_DEACTIVATED,
    ),
  /**
   * The page behind a staff account's link, to whoever holds the new address: another account logs
   * in with it. The admin or 主催者 who asked for it was answered as for a free address. The page
   * goes on with whom to ask for another change (see EmailChangePageController).
   */
  loginTaken: () =>
    new ConflictError(
      EmailChangeErrorCode.ADDRESS_TAKEN,
      'このメールアドレスは、別のスタッフアカウントのログインに使われています',
    ),
  /**
   * The page behind a link whose request a later one replaced (`at`): its link was sent then, and
   * it is the one that works. The page goes on with what to do if it did not arrive (see
   * EmailChangePageController).
   */
  replaced: (at: Date) =>
    new InputError(
      'token',
      `${formatDeadline('ja', at)}に新しい確認のメールをお送りしたため、このリンクは使えなくなりました。新しいほうのメールのボタンから変更してください`,
      EmailChangeErrorCode.REPLACED,
    ).withEnglish(
      `This link no longer works: a newer confirmation email was sent on ${formatDeadline('en', at)}. Please make the change with the button in that email.`,
    ),
  /**
   * The page behind a link that a later request replaced (`at`) with one for another address: the
   * newer confirmation went to that address, not to the one this link was sent to (which is not
   * shown here, as calledOff does not show it). The page goes on with what to do if they still
   * want this address.
   */
  replacedByAnother: (at: Date) =>
    new InputError(
      'token',
      `${formatDeadline('ja', at)}に、このアドレスではなく別のアドレスへの変更が申し込まれたため、このリンクは使えなくなりました`,
      EmailChangeErrorCode.REPLACED,
    ).withEnglish(
      `This link no longer works: on ${formatDeadline('en', at)} a change to another address was asked for instead of this one.`,
    ),
  /**
   * The page behind a link that no longer works (replaced, called off) to the address the owner now
   * has anyway (staff set it meanwhile, say): nothing is left to do.
   */
  alreadyTheAddress: () =>
    new InputError(
      'token',
      'このメールアドレスは、すでに Tsunagu にご登録のアドレスです。変更の必要はありません',
      EmailChangeErrorCode.SAME_ADDRESS,
    ).withEnglish('This email address is already your address for Tsunagu. There is nothing to change.'),
  /**
   * alreadyTheAddress for a staff account's link, in the words of its pages (a login address, not
   * a participant's ご登録), and how to log in now. Japanese, as those pages are; the English is
   * there should one not be.
   */
  alreadyTheLogin: () =>
    new InputError(
      'token',
      'このメールアドレスは、すでに Tsunagu のログイン用メールアドレスです。変更の必要はありません。ログインには、このアドレスをお使いください',
      EmailChangeErrorCode.SAME_ADDRESS,
    ).withEnglish(
      'This email address is already your login address for Tsunagu. There is nothing to change: sign in with this address.',
    ),
  /**
   * The page behind a link whose change was called off (`at`) before it was used, saying why. The
   * reader holds the address the link was sent to, which nobody has confirmed is the person's (that
   * is what the link was for): the address staff gave instead is not shown, nor who gave it. The
   * person hears of it at their old address (EmailAddressService.moveTo) or from staff.
   */
  calledOff: (at: Date, reason: EmailChangeCallOffReason | null) => {
    const [ja, en] = CALLED_OFF_BECAUSE[reason ?? EmailChangeCallOffReason.WITHDRAWN];
    return new InputError('token', ja(formatDeadline('ja', at)), EmailChangeErrorCode.CALLED_OFF).withEnglish(
      en(formatDeadline('en', at)),
    );
  },
  /** Said on the page behind the link, to whoever holds the new address: the person themself. */
  addressTaken: () =>
    new ConflictError(
      EmailChangeErrorCode.ADDRESS_TAKEN,
      'このメールアドレスは、別の参加者の登録に使われています（どちらもご自身の登録でしたら、イベントの主催者にお問い合わせください）',
    ).withEnglish(
      "This address is already used by another participant's profile (if both are yours, please contact the event organiser).",
    ),
};
