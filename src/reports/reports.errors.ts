import { ForbiddenError, InputError } from '../common/errors/app-error';
import { fieldSubject } from '../common/validation/field-labels';
import { REPORT_METRICS, ReportMetric } from './targets/report-metric';

export enum ReportErrorCode {
  NOT_YOUR_ORGANIZATION = 'REPORT_NOT_YOUR_ORGANIZATION',
  TARGET_REPEATED = 'REPORT_TARGET_REPEATED',
  TARGET_PERCENTAGE_OUT_OF_RANGE = 'REPORT_TARGET_PERCENTAGE_OUT_OF_RANGE',
}

export const ReportErrors = {
  notYourOrganization: (doing: 'read' | 'set' = 'read') =>
    new ForbiddenError(
      doing === 'read'
        ? '自団体以外の実績は表示できません'
        : '自団体以外の年度目標は設定できません。その団体のスタッフか管理者が設定します',
      ReportErrorCode.NOT_YOUR_ORGANIZATION,
    ),
  targetRepeated: (metric: ReportMetric) =>
    new InputError(
      'targets',
      `「${REPORT_METRICS[metric].label}」の目標が2度指定されています。1項目につき1度にしてください`,
      ReportErrorCode.TARGET_REPEATED,
    ),
  /** A share's target is a percentage: 0 is checked with every target, 100 here (`index` from 0). */
  percentageOver100: (index: number, metric: ReportMetric) =>
    new InputError(
      `targets.${index}.target`,
      `${fieldSubject(`targets.${index}.target`)}は 0〜100 で入力してください（「${REPORT_METRICS[metric].label}」は % で数えます）`,
      ReportErrorCode.TARGET_PERCENTAGE_OUT_OF_RANGE,
    ),
};
