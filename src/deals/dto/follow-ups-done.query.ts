import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `?fiscalYear=2026` of follow-ups-done.csv: the follow-ups done in that 年度. */
export class FollowUpsDoneQuery {
  @Type(() => Number)
  @IsInt({ message: '年度は西暦4桁で指定してください（例: 2026）' })
  @Min(2000, { message: '年度は 2000〜2100 で指定してください' })
  @Max(2100, { message: '年度は 2000〜2100 で指定してください' })
  fiscalYear: number;
}
