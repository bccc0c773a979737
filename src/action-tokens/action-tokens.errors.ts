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
    ).withEnglish('This link is not valid. Please check the link in your email.'),
  expired: () =>
    new InputError('token', 'このリンクは有効期限が切れています', ActionTokenErrorCode.EXPIRED).withEnglish(
      'This link has expired.',
    ),
  used: () =>
    new InputError('token', 'このリンクはすでに使用されています', ActionTokenErrorCode.USED).withEnglish(
      'This link has already been used.',
    ),
};
