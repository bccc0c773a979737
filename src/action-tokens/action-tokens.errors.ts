import { InputError } from '../common/errors/app-error';

export enum ActionTokenErrorCode {
  INVALID = 'ACTION_TOKEN_INVALID',
  EXPIRED = 'ACTION_TOKEN_EXPIRED',
  USED = 'ACTION_TOKEN_USED',
}

export const ActionTokenErrors = {
  invalid: () =>
    new InputError(
      'token',
      'このリンクは無効です。メールのリンクをもう一度ご確認ください',
      ActionTokenErrorCode.INVALID,
    ),
  expired: () => new InputError('token', 'このリンクは有効期限が切れています', ActionTokenErrorCode.EXPIRED),
  used: () => new InputError('token', 'このリンクはすでに使用されています', ActionTokenErrorCode.USED),
};
