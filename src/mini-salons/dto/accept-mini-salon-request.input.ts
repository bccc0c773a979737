import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsInt, IsOptional, IsUrl, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { MINI_SALON_MAX_CAPACITY } from '../../events/event-enums';

@InputType({ description: '開催決定: イベント（ミニサロン・下書き）の日時と会場（これから先の日時）' })
export class AcceptMiniSalonRequestInput {
  @Field({ description: '開始日時（タイムゾーンなしは日本時間）' })
  @IsDate({ message: '開始日時の形式が正しくありません' })
  startsAt: Date;

  @Field({ description: '終了日時' })
  @IsDate({ message: '終了日時の形式が正しくありません' })
  endsAt: Date;

  @Field({ nullable: true, description: 'イベント名（既定: ミニサロン『テーマ』（地域））' })
  @IsOptional()
  @RequiredText('イベント名')
  @MaxLength(200)
  title?: string;

  @Field(() => String, {
    nullable: true,
    description:
      '英語のイベント名（既定: イベント名を指定しなければ Mini-salon on "テーマ" in 地域、指定すればなし）',
  })
  @IsOptional()
  @MaxLength(200)
  titleEn?: string | null;

  @Field({
    nullable: true,
    description:
      'イベントの説明（招待メール・カレンダーに載る。既定: なし。要望者のメッセージは要望者と主催者のもので、載せない）',
  })
  @IsOptional()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, { nullable: true, description: '英語の説明（言語設定が英語の参加者向け）' })
  @IsOptional()
  @MaxLength(10000)
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: '会場（会場かオンライン参加URLのどちらかは必須）' })
  @IsOptional()
  @MaxLength(300)
  venue?: string | null;

  @Field(() => String, { nullable: true, description: '英語の会場名・所在地（言語設定が英語の参加者向け）' })
  @IsOptional()
  @MaxLength(300)
  venueEn?: string | null;

  @Field(() => String, { nullable: true, description: 'オンライン参加URL（オンラインで開くミニサロン）' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'] }, { message: 'オンライン参加URLの形式が正しくありません' })
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true, description: '定員（既定: 参加見込み人数）' })
  @IsOptional()
  @IsInt()
  @Min(2, { message: `定員は 2〜${MINI_SALON_MAX_CAPACITY} 人で入力してください` })
  @Max(MINI_SALON_MAX_CAPACITY, { message: `定員は 2〜${MINI_SALON_MAX_CAPACITY} 人で入力してください` })
  capacity?: number;

  @Field(() => [ID], { nullable: true, description: '共催団体' })
  @IsOptional()
  @IsUUID('all', { each: true, message: '共催団体IDの形式が正しくありません' })
  @ArrayMaxSize(10)
  coHostIds?: string[];
}
