import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Max, MaxLength } from 'class-validator';
import { Yen } from '../../common/graphql/yen.scalar';
import { RequiredText } from '../../common/validation/required-text';
import { IsCalendarDate } from '../../common/time/calendar-date';
import { DealStage, DealType } from '../deal-enums';
import { MAX_AMOUNT_YEN } from './record-deal.input';

@InputType({
  description:
    '商談の更新。指定した項目だけが変わる（金額は null で未定に戻せる）。終了した年度の実績が変わる変更には理由（reason）が必要',
})
export class UpdateDealInput {
  @Field(() => DealType, { nullable: true })
  @IsOptional()
  @IsEnum(DealType, { message: '商談の種類が正しくありません' })
  type?: DealType;

  @Field(() => DealStage, { nullable: true, description: '成約・不成立にすると成約日（既定は今日）が入る' })
  @IsOptional()
  @IsEnum(DealStage, { message: '商談の段階が正しくありません' })
  stage?: DealStage;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText('商談の概要')
  @MaxLength(200, { message: '商談の概要は 200 文字以内で入力してください' })
  title?: string;

  @Field(() => Yen, { nullable: true })
  @IsOptional()
  @Max(MAX_AMOUNT_YEN, { message: '金額は 1 兆円以下で入力してください' })
  amountYen?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  closedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string;

  @Field({
    nullable: true,
    description:
      '変更の理由（1000文字まで）。終了した年度の実績（新規商談数・成約・不成立・成約金額・種類別）が変わる変更では必須で、' +
      'その年度の実績報告に年度終了後の訂正（dealsChangedAfterYearEnd）として載る。それ以外の変更では不要（使われない）',
  })
  @IsOptional()
  reason?: string;
}
