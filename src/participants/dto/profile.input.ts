import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsFurigana } from '../../common/japan/japan.validators';
import { ProfileFieldsInput } from './profile-fields.input';

/** The fields a participant may change about themself. */
@InputType()
export class ProfileInput extends ProfileFieldsInput {
  @Field({ nullable: true })
  @IsOptional()
  @RequiredText('氏名')
  @MaxLength(100)
  name?: string;

  @Field({ nullable: true, description: 'フリガナ（カタカナ。ひらがなはカタカナにして保存）' })
  @IsOptional()
  @IsFurigana()
  furigana?: string;
}
