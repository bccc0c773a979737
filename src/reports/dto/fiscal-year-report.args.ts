import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { QueryInteger } from '../../common/validation/query-params';

const FIRST_REPORT_YEAR = 2000;
const LAST_REPORT_YEAR = 2100;
const FISCAL_YEAR_MESSAGE = `年度は${FIRST_REPORT_YEAR}〜${LAST_REPORT_YEAR}の西暦で指定してください（例: 2026 = 令和8年度）`;

/**
 * The arguments of `fiscalYearReport`, and the query string of its CSV export: one set of rules for
 * both. The query string arrives as text, so a year written in digits becomes a number here and
 * anything else (「R8」, 「2026年」) stays text and fails `IsInt`, naming the field.
 */
@ArgsType()
export class FiscalYearReportArgs {
  @Field(() => ID, { description: '主催団体' })
  @IsUUID('all', { message: 'organizationId の形式が正しくありません' })
  organizationId: string;

  @Field(() => Int, {
    description: '年度（西暦の開始年。例: 2026 = 令和8年度 = 2026年4月1日〜2027年3月31日）',
  })
  @QueryInteger()
  @IsInt({ message: FISCAL_YEAR_MESSAGE })
  @Min(FIRST_REPORT_YEAR, { message: FISCAL_YEAR_MESSAGE })
  @Max(LAST_REPORT_YEAR, { message: FISCAL_YEAR_MESSAGE })
  fiscalYear: number;
}
