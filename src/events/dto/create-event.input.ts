import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { IsTag } from '../../common/japan/japan.validators';
import { RequiredText } from '../../common/validation/required-text';
import { EventKind, EventVisibility } from '../event-enums';

@InputType()
export class CreateEventInput {
  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field()
  @RequiredText('イベント名')
  @MaxLength(200)
  title: string;

  @Field(() => String, {
    nullable: true,
    description:
      '英語のイベント名（言語設定が英語の参加者へのメール・ページ・カレンダーに使う。なければ日本語のイベント名）',
  })
  @IsOptional()
  @MaxLength(200)
  titleEn?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, {
    nullable: true,
    description:
      '英語の説明（言語設定が英語の参加者へのメール・ページ・カレンダーに使う。なければ日本語の説明に「日本語」と添えて）',
  })
  @IsOptional()
  @MaxLength(10000)
  descriptionEn?: string | null;

  @Field(() => [String], { nullable: true, description: 'テーマ（例: 事業承継, 販路開拓, DX）' })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(20)
  themes?: string[];

  @Field(() => String, { nullable: true, description: '会場' })
  @IsOptional()
  @MaxLength(300)
  venue?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '英語の会場名・所在地（言語設定が英語の参加者へのメール・ページ・カレンダーに使う。なければ日本語の会場）',
  })
  @IsOptional()
  @MaxLength(300)
  venueEn?: string | null;

  @Field(() => String, { nullable: true, description: 'オンライン参加URL' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'] }, { message: 'オンライン参加URLの形式が正しくありません' })
  onlineUrl?: string | null;

  @Field({ description: '開始日時（ISO 8601。タイムゾーンなしは日本時間として扱う）' })
  @IsDate({ message: '開始日時の形式が正しくありません' })
  startsAt: Date;

  @Field({ description: '終了日時' })
  @IsDate({ message: '終了日時の形式が正しくありません' })
  endsAt: Date;

  @Field(() => Date, { nullable: true, description: '申込受付開始' })
  @IsOptional()
  @IsDate()
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '申込締切' })
  @IsOptional()
  @IsDate()
  registrationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '定員（未指定は制限なし。ミニサロンは30名まで）' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '定員は1名以上にしてください' })
  capacity?: number | null;

  @Field(() => EventVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(EventVisibility)
  visibility?: EventVisibility;

  @Field(() => [ID], { nullable: true, description: '共催団体' })
  @IsOptional()
  @IsUUID('all', { each: true, message: '共催団体のIDの形式が正しくありません' })
  coHostIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      '主催団体。管理者が代理で作成するときに指定します。主催者・スタッフは自分の団体のIDのみ（省略可）、他の団体は FORBIDDEN',
  })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;
}
