import { ConflictError, NotFoundError } from '../common/errors/app-error';

export enum OrganizationErrorCode {
  NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  CORPORATE_NUMBER_TAKEN = 'ORGANIZATION_CORPORATE_NUMBER_TAKEN',
  NAME_TAKEN = 'ORGANIZATION_NAME_TAKEN',
}

export const OrganizationErrors = {
  /** `field`: the input that named the organisation, when a client did (not the actor's own). */
  notFound: (id: string, field?: string) =>
    new NotFoundError(
      OrganizationErrorCode.NOT_FOUND,
      `${field === 'coHostIds' ? '共催団体' : '団体'}が見つかりません: ${id}`,
      field,
      id,
    ).withEnglish(`Organisation not found: ${id}`),
  corporateNumberTaken: () =>
    new ConflictError(
      OrganizationErrorCode.CORPORATE_NUMBER_TAKEN,
      'この法人番号の団体は既に登録されています',
      'corporateNumber',
    ),
  nameTaken: (name: string) =>
    new ConflictError(
      OrganizationErrorCode.NAME_TAKEN,
      `同じ名前の団体は既に登録されています: ${name}`,
      'name',
    ),
};
