import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';

/** `updateStaffUser(id, input)`: what is left out stays as it is. */
@InputType()
export class UpdateStaffUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @RequiredText('氏名')
  @MaxLength(100)
  name?: string;

  @Field({
    nullable: true,
    description: 'ログインに使うメールアドレス。自分のものは変更できません（管理者・主催者に依頼）',
  })
  @IsOptional()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  email?: string;
}
