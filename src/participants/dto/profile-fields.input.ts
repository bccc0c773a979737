import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsTag } from '../../common/japan/japan.validators';
import { Locale, ParticipantKind } from '../participant-kind';
import { CompanyInput } from './company.input';

/** Profile fields shared by staff's upsert and the participant's own edit. */
@InputType({ isAbstract: true })
export abstract class ProfileFieldsInput {
  @Field(() => String, { nullable: true, description: '役職' })
  @IsOptional()
  @MaxLength(100)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9０-９+＋()（）\-－ー\s]{6,20}$/u, { message: '電話番号の形式が正しくありません' })
  phone?: string | null;

  @Field(() => ParticipantKind, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantKind)
  kind?: ParticipantKind;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;

  @Field(() => CompanyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyInput)
  company?: CompanyInput | null;

  @Field(() => [String], { nullable: true, description: '提供できること（タグ）' })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(30)
  offers?: string[];

  @Field(() => [String], { nullable: true, description: '求めること（タグ）' })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(30)
  needs?: string[];

  @Field(() => [String], { nullable: true, description: '関心のあるテーマ' })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(30)
  themes?: string[];

  @Field({ nullable: true, description: '提供できること（自由記述）' })
  @IsOptional()
  @MaxLength(4000)
  offersText?: string;

  @Field({ nullable: true, description: '求めること（自由記述）' })
  @IsOptional()
  @MaxLength(4000)
  needsText?: string;

  @Field({ nullable: true, description: 'マッチング（おすすめ）への参加に同意する' })
  @IsOptional()
  @IsBoolean()
  consentMatchmaking?: boolean;

  @Field({ nullable: true, description: 'お知らせメールの受信に同意する' })
  @IsOptional()
  @IsBoolean()
  consentEmail?: boolean;

  @Field({ nullable: true, description: '面談成立時に連絡先を相手に開示することに同意する' })
  @IsOptional()
  @IsBoolean()
  consentContactSharing?: boolean;
}
