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
import { EventVisibility } from '../event-enums';

/** Only the fields given change; `null` clears an optional one. The kind of an event is fixed. */
@InputType()
export class UpdateEventInput {
  @Field({ nullable: true })
  @IsOptional()
  @RequiredText('イベント名')
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true, description: '英語のイベント名（null で消す）' })
  @IsOptional()
  @MaxLength(200)
  titleEn?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, { nullable: true, description: '英語の説明（null で消す）' })
  @IsOptional()
  @MaxLength(10000)
  descriptionEn?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(20)
  themes?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  venue?: string | null;

  @Field(() => String, { nullable: true, description: '英語の会場名・所在地（null で消す）' })
  @IsOptional()
  @MaxLength(300)
  venueEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'] }, { message: 'オンライン参加URLの形式が正しくありません' })
  onlineUrl?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '定員は1名以上にしてください' })
  capacity?: number | null;

  @Field(() => EventVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(EventVisibility)
  visibility?: EventVisibility;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  coHostIds?: string[];
}
