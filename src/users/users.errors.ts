import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors/app-error';

export enum UserErrorCode {
  EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  ORGANIZATION_REQUIRED = 'USER_ORGANIZATION_REQUIRED',
  NOT_FOUND = 'USER_NOT_FOUND',
  OTHER_ORGANIZATION = 'USER_OTHER_ORGANIZATION',
  NOT_MANAGED = 'USER_NOT_MANAGED',
  DEACTIVATE_SELF = 'USER_DEACTIVATE_SELF',
  LAST_ADMIN = 'USER_LAST_ADMIN',
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
  notFoundByEmail: (email: string) =>
    new NotFoundError(UserErrorCode.NOT_FOUND, `${email} のアカウントはありません`, 'email'),
  otherOrganization: () =>
    new ForbiddenError('他の団体のスタッフアカウントは表示できません', UserErrorCode.OTHER_ORGANIZATION),
  notManaged: () =>
    new ForbiddenError(
      'このアカウントを利用停止・再開する権限がありません（主催者は自団体の主催者・支援担当のアカウントのみ）',
      UserErrorCode.NOT_MANAGED,
    ),
  deactivateSelf: () =>
    new InputError(
      'id',
      '自分のアカウントは利用停止できません。他の管理者または主催者に依頼してください',
      UserErrorCode.DEACTIVATE_SELF,
    ),
  lastAdmin: () =>
    new ConflictError(
      UserErrorCode.LAST_ADMIN,
      '有効な管理者がこのアカウントだけのため、利用停止できません。先に別の管理者アカウントを作成してください',
      'id',
    ),
};
