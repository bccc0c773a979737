import { ForbiddenError } from '../common/errors/app-error';

export enum ReportErrorCode {
  NOT_YOUR_ORGANIZATION = 'REPORT_NOT_YOUR_ORGANIZATION',
}

export const ReportErrors = {
  notYourOrganization: () =>
    new ForbiddenError('自団体以外の実績は表示できません', ReportErrorCode.NOT_YOUR_ORGANIZATION),
};
