import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Yen } from '../../common/graphql/yen.scalar';
import { RequiredText } from '../../common/validation/required-text';
import { IsCalendarDate } from '../../common/time/calendar-date';
import { DealStage, DealType } from '../deal-enums';

/** Largest amount accepted: 1兆円, far above any SME deal, well inside exact floating point. */
export const MAX_AMOUNT_YEN = 1_000_000_000_000;

@InputType({
  description:
    '商談の記録。面談から記録する場合は meetingId だけで当事者とイベントが決まる。' +
    '終了した年度の実績に数えられる商談（開始日・成約日・不成立日がその年度内）には理由（reason）が必要',
})
export class RecordDealInput {
  @Field(() => ID, { nullable: true, description: '元になった面談（実施済み）' })
  @IsOptional()
  @IsUUID('all', { message: '面談IDの形式が正しくありません' })
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: '面談を経ずにイベントで生まれた商談のイベント' })
  @IsOptional()
  @IsUUID('all', { message: 'イベントIDの形式が正しくありません' })
  eventId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '参加者IDの形式が正しくありません' })
  participantAId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '参加者IDの形式が正しくありません' })
  participantBId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '記録する団体（管理者がイベント外の商談を記録する場合のみ）',
  })
  @IsOptional()
  @IsUUID('all', { message: '団体IDの形式が正しくありません' })
  organizationId?: string;

  @Field(() => DealType)
  @IsEnum(DealType, { message: '商談の種類が正しくありません' })
  type: DealType;

  @Field(() => DealStage, { nullable: true, description: '既定は商談中' })
  @IsOptional()
  @IsEnum(DealStage, { message: '商談の段階が正しくありません' })
  stage?: DealStage;

  @Field({ description: '概要（例: 精密部品の試作 500 個の受注）' })
  @RequiredText('商談の概要')
  @MaxLength(200, { message: '商談の概要は 200 文字以内で入力してください' })
  title: string;

  @Field(() => Yen, { nullable: true, description: '金額（円・整数）。未定なら省略' })
  @IsOptional()
  @Max(MAX_AMOUNT_YEN, { message: '金額は 1 兆円以下で入力してください' })
  amountYen?: number;

  @Field({ nullable: true, description: '商談開始日（YYYY-MM-DD）。既定は面談の日、なければ今日' })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;

  @Field({ nullable: true, description: '成約日・不成立日（YYYY-MM-DD）。既定は今日' })
  @IsOptional()
  @IsCalendarDate()
  closedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string;

  @Field(() => Int, { nullable: true, description: '最初のフォローアップを何か月後に予定するか（例: 4）' })
  @IsOptional()
  @IsInt({ message: 'フォローアップの間隔は月数（整数）で指定してください' })
  @Min(1, { message: 'フォローアップの間隔は 1〜24 か月で指定してください' })
  @Max(24, { message: 'フォローアップの間隔は 1〜24 か月で指定してください' })
  followUpInMonths?: number;

  @Field({
    nullable: true,
    description:
      '記録の理由（1000文字まで）。終了した年度の実績（新規商談数・成約・不成立・成約金額・種類別）に数えられる商談' +
      '（年度が終わってから記録する、その年度に始まった・成約した商談など）では必須で、その年度の実績報告に' +
      '年度終了後の訂正（dealsAddedAfterYearEnd）として載る。それ以外の商談では不要（使われない）',
  })
  @IsOptional()
  reason?: string;
}
