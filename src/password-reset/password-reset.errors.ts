import { InputError } from '../common/errors/app-error';

export enum PasswordResetErrorCode {
  SUPERSEDED = 'PASSWORD_RESET_SUPERSEDED',
  ACCOUNT_DEACTIVATED = 'PASSWORD_RESET_ACCOUNT_DEACTIVATED',
}

/**
 * A reset link that cannot be used for a reason of its own; an unknown, expired or used one answers
 * as every link does (ActionTokenErrors). Each names `token`, the argument at fault.
 */
export const PasswordResetErrors = {
  superseded: () =>
    new InputError(
      'token',
      'このリンクを送った後にパスワードが変更されたため、このリンクは使えません。必要でしたら、パスワードの再設定をもう一度お申込ください',
      PasswordResetErrorCode.SUPERSEDED,
    ),
  accountDeactivated: () =>
    new InputError(
      'token',
      'このアカウントは利用停止されているため、パスワードを再設定できません。管理者にお問い合わせください',
      PasswordResetErrorCode.ACCOUNT_DEACTIVATED,
    ),
};
