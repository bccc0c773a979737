import { ConflictError, InputError, NotFoundError } from '../common/errors/app-error';

export enum UserErrorCode {
  EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  ORGANIZATION_REQUIRED = 'USER_ORGANIZATION_REQUIRED',
  NOT_FOUND = 'USER_NOT_FOUND',
}

export const UserErrors = {
  emailTaken: (email: string) =>
    new ConflictError(UserErrorCode.EMAIL_TAKEN, `${email} は既に登録されています`, 'email'),
  organizationRequired: () =>
    new InputError(
      'organizationId',
      '主催者・支援担当には所属団体が必要です',
      UserErrorCode.ORGANIZATION_REQUIRED,
    ),
  notFound: () => new NotFoundError(UserErrorCode.NOT_FOUND, 'ユーザーが見つかりません'),
};
