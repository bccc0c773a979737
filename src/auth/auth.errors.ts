import { UnauthenticatedError } from '../common/errors/app-error';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
}

export const AuthErrors = {
  invalidCredentials: () =>
    new UnauthenticatedError('メールアドレスまたはパスワードが違います', AuthErrorCode.INVALID_CREDENTIALS),
};
