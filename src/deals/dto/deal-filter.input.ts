import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DealStage, DealType } from '../deal-enums';

@InputType()
export class DealFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'イベントIDの形式が正しくありません' })
  eventId?: string;

  @Field(() => ID, { nullable: true, description: 'どちらかの当事者がこの参加者の商談' })
  @IsOptional()
  @IsUUID('all', { message: '参加者IDの形式が正しくありません' })
  participantId?: string;

  @Field(() => DealStage, { nullable: true })
  @IsOptional()
  @IsEnum(DealStage, { message: '商談の段階が正しくありません' })
  stage?: DealStage;

  @Field(() => DealType, { nullable: true })
  @IsOptional()
  @IsEnum(DealType, { message: '商談の種類が正しくありません' })
  type?: DealType;

  @Field(() => Int, {
    nullable: true,
    description:
      '年度（例: 2026 = 令和8年度）。年度実績報告と同じ数え方: stage が WON・LOST なら成約日・不成立日の年度、' +
      'stage を指定しないときと NEGOTIATING のときは商談開始日の年度（報告の新規商談数）で絞り込みます。',
  })
  @IsOptional()
  @Type(() => Number) // CSV exports take the filter from the query string
  @IsInt({ message: '年度は西暦4桁で指定してください（例: 2026）' })
  @Min(2000, { message: '年度は 2000〜2100 で指定してください' })
  @Max(2100, { message: '年度は 2000〜2100 で指定してください' })
  fiscalYear?: number;
}
