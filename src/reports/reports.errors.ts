import { ForbiddenError, InputError } from '../common/errors/app-error';
import { REPORT_METRICS, ReportMetric } from './targets/report-metric';

export enum ReportErrorCode {
  NOT_YOUR_ORGANIZATION = 'REPORT_NOT_YOUR_ORGANIZATION',
  TARGET_REPEATED = 'REPORT_TARGET_REPEATED',
}

export const ReportErrors = {
  notYourOrganization: () =>
    new ForbiddenError('自団体以外の実績は表示できません', ReportErrorCode.NOT_YOUR_ORGANIZATION),
  targetRepeated: (metric: ReportMetric) =>
    new InputError(
      'targets',
      `「${REPORT_METRICS[metric].label}」の目標が2度指定されています。1項目につき1度にしてください`,
      ReportErrorCode.TARGET_REPEATED,
    ),
};
