import { ConflictError, InputError } from '../common/errors/app-error';

export enum EmailChangeErrorCode {
  INVALID_ADDRESS = 'EMAIL_CHANGE_INVALID_ADDRESS',
  SAME_ADDRESS = 'EMAIL_CHANGE_SAME_ADDRESS',
  ADDRESS_TAKEN = 'EMAIL_CHANGE_ADDRESS_TAKEN',
}

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
  /** Said on the page behind the link, to whoever holds the new address: the person themself. */
  addressTaken: () =>
    new ConflictError(
      EmailChangeErrorCode.ADDRESS_TAKEN,
      'このメールアドレスは、別の参加者の登録に使われています（どちらもご自身の登録でしたら、イベントの主催者にお問い合わせください）',
    ).withEnglish(
      "This address is already used by another participant's profile (if both are yours, please contact the event organiser).",
    ),
};
