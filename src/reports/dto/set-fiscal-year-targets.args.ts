import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ReportMetric } from '../targets/report-metric';
import { FiscalYearReportArgs } from './fiscal-year-report.args';

/** No programme in the seeds counts past six digits; a larger figure is a typing slip. */
export const MAX_TARGET = 9_999_999;

@InputType({ description: '年度目標の1項目' })
export class FiscalYearTargetInput {
  @Field(() => ReportMetric)
  @IsEnum(ReportMetric, { message: 'metric に指定できない項目です' })
  metric: ReportMetric;

  @Field(() => Int, {
    nullable: true,
    description:
      '目標値（0 以上の整数。成約金額は万円単位、GAINED_OPPORTUNITIES_RATE は割合で 0〜100（%））。null でその項目の目標を外す',
  })
  @IsOptional()
  @IsInt({ message: '目標値は整数で入力してください' })
  @Min(0, { message: '目標値は 0 以上で入力してください' })
  @Max(MAX_TARGET, { message: `目標値は ${MAX_TARGET.toLocaleString('ja-JP')} 以下で入力してください` })
  target: number | null;
}

/** `setFiscalYearTargets`: the report's organisation and year, and the targets to set. */
@ArgsType()
export class SetFiscalYearTargetsArgs extends FiscalYearReportArgs {
  @Field(() => [FiscalYearTargetInput], {
    description: '設定する項目（書かなかった項目はそのまま。同じ項目は1度だけ）',
  })
  @ArrayMinSize(1, { message: '目標を1項目以上指定してください' })
  @ArrayMaxSize(Object.keys(ReportMetric).length, { message: '同じ項目が重なっています' })
  @ValidateNested({ each: true })
  @Type(() => FiscalYearTargetInput)
  targets: FiscalYearTargetInput[];
}
