import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, ArrayMaxSize, MaxLength } from 'class-validator';
import { IsFurigana } from '../../common/japan/japan.validators';
import { ProfileFieldsInput } from './profile-fields.input';

/** Staff create or update a participant, keyed by email. */
@InputType()
export class UpsertParticipantInput extends ProfileFieldsInput {
  @Field()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsNotEmpty({ message: '氏名を入力してください' })
  @MaxLength(100)
  name: string;

  @Field({ description: 'フリガナ（全角カタカナ）' })
  @IsFurigana()
  furigana: string;

  @Field(() => [String], { nullable: true, description: '団体内の分類タグ' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(30)
  tags?: string[];
}
