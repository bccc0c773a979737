import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AcceptanceMode } from '../meeting-enums';

@InputType({ description: '面談申込の設定（省略した項目は変更しない。null で上限なし）' })
export class UpdateMeetingSettingsInput {
  @Field(() => AcceptanceMode, { nullable: true })
  @IsOptional()
  @IsEnum(AcceptanceMode)
  acceptanceMode?: AcceptanceMode;

  @Field(() => Int, { nullable: true, description: '1人が送れる面談申込の上限' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxRequestsPerParticipant?: number | null;

  @Field(() => Int, { nullable: true, description: '回答期限（時間）。null は開催終了まで' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '回答期限は 1 時間以上で指定してください（開催終了までにする場合は null）' })
  @Max(24 * 365)
  requestExpiryHours?: number | null;

  @Field(() => Int, { nullable: true, description: '1人あたりの面談数の上限（自動配置で使用）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxMeetingsPerParticipant?: number | null;
}
