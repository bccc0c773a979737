import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors/app-error';

export enum UserErrorCode {
  EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  ORGANIZATION_REQUIRED = 'USER_ORGANIZATION_REQUIRED',
  NOT_FOUND = 'USER_NOT_FOUND',
  OTHER_ORGANIZATION = 'USER_OTHER_ORGANIZATION',
  NOT_MANAGED = 'USER_NOT_MANAGED',
  DEACTIVATE_SELF = 'USER_DEACTIVATE_SELF',
  LAST_ADMIN = 'USER_LAST_ADMIN',
  CHANGE_OWN_ROLE = 'USER_CHANGE_OWN_ROLE',
  ADMIN_ROLE_RESERVED = 'USER_ADMIN_ROLE_RESERVED',
  ORGANIZATION_FIXED = 'USER_ORGANIZATION_FIXED',
  FOLLOW_UPS_ELSEWHERE = 'USER_FOLLOW_UPS_ELSEWHERE',
  FOLLOW_UPS_TO_HAND_OVER = 'USER_FOLLOW_UPS_TO_HAND_OVER',
  CHANGE_OWN_EMAIL = 'USER_CHANGE_OWN_EMAIL',
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
      'このアカウントを管理する権限がありません（主催者は自団体の主催者・支援担当のアカウントのみ）',
      UserErrorCode.NOT_MANAGED,
    ),
  deactivateSelf: () =>
    new InputError(
      'id',
      '自分のアカウントは利用停止できません。他の管理者または主催者に依頼してください',
      UserErrorCode.DEACTIVATE_SELF,
    ),
  lastAdmin: (action: '利用停止' | '役割を変更') =>
    new ConflictError(
      UserErrorCode.LAST_ADMIN,
      `有効な管理者がこのアカウントだけのため、${action}できません。先に別の管理者アカウントを作成してください`,
      'id',
    ),
  changeOwnRole: () =>
    new InputError(
      'id',
      '自分の役割は変更できません。他の管理者または主催者に依頼してください',
      UserErrorCode.CHANGE_OWN_ROLE,
    ),
  changeOwnEmail: () =>
    new InputError(
      'email',
      '自分のログイン用メールアドレスは変更できません。他の管理者または主催者に依頼してください',
      UserErrorCode.CHANGE_OWN_EMAIL,
    ),
  adminRoleReserved: () =>
    new ForbiddenError('管理者の役割を付与・変更できるのは管理者だけです', UserErrorCode.ADMIN_ROLE_RESERVED),
  adminHasNoOrganization: () =>
    new InputError('organizationId', '管理者は団体に所属しません。organizationId は省略してください'),
  organizationFixed: () =>
    new InputError(
      'organizationId',
      '所属団体は変更できません。別の団体に移る方には、その団体で新しいアカウントを作成してください',
      UserErrorCode.ORGANIZATION_FIXED,
    ),
  followUpsElsewhere: (count: number) =>
    new ConflictError(
      UserErrorCode.FOLLOW_UPS_ELSEWHERE,
      `この管理者は他の団体の未完了のフォローアップ ${count} 件の担当です。先にその団体のスタッフに引き継いでください（handOverFollowUps でまとめて、reassignFollowUp で1件ずつ）`,
      'organizationId',
    ),
  followUpsToHandOver: (count: number) =>
    new ConflictError(
      UserErrorCode.FOLLOW_UPS_TO_HAND_OVER,
      `この方は未完了のフォローアップ ${count} 件の担当です。管理者は団体に所属しないため、先に団体のスタッフに引き継いでください（handOverFollowUps でまとめて）`,
      'role',
    ),
};
