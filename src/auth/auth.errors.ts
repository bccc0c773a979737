import { ForbiddenError, InputError, UnauthenticatedError } from '../common/errors/app-error';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  TOO_MANY_FAILURES = 'AUTH_TOO_MANY_FAILURES',
  ACCOUNT_DEACTIVATED = 'AUTH_ACCOUNT_DEACTIVATED',
  WRONG_CURRENT_PASSWORD = 'AUTH_WRONG_CURRENT_PASSWORD',
}

export const AuthErrors = {
  invalidCredentials: () =>
    new UnauthenticatedError('メールアドレスまたはパスワードが違います', AuthErrorCode.INVALID_CREDENTIALS),
  tooManyFailures: (minutes: number) =>
    new UnauthenticatedError(
      `パスワードの誤りが続いたため、このメールアドレスでのログインを一時停止しています。${minutes}分ほどしてからお試しください`,
      AuthErrorCode.TOO_MANY_FAILURES,
    ),
  /** Only after the right password: it tells nothing to someone guessing. */
  accountDeactivated: () =>
    new ForbiddenError(
      'このアカウントは利用停止されています。管理者にお問い合わせください',
      AuthErrorCode.ACCOUNT_DEACTIVATED,
    ),
  wrongCurrentPassword: () =>
    new InputError('currentPassword', '現在のパスワードが違います', AuthErrorCode.WRONG_CURRENT_PASSWORD),
};
