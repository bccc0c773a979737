import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, ArrayMaxSize, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsFurigana, IsTag } from '../../common/japan/japan.validators';
import { ProfileFieldsInput } from './profile-fields.input';

/** Staff create or update a participant, keyed by email. */
@InputType()
export class UpsertParticipantInput extends ProfileFieldsInput {
  @Field()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  email: string;

  @Field()
  @RequiredText('氏名')
  @MaxLength(100)
  name: string;

  @Field({ description: 'フリガナ（カタカナ。ひらがなはカタカナにして保存）' })
  @IsFurigana()
  furigana: string;

  @Field(() => [String], { nullable: true, description: '団体内の分類タグ' })
  @IsOptional()
  @IsString({ each: true })
  @IsTag({ each: true })
  @ArrayMaxSize(30)
  tags?: string[];
}
