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
    description:
      'ログインに使う新しいメールアドレス。そのアドレスに届く確認のメールのボタンで変更が確定する（それまでは pendingEmail）。今と同じアドレスなら確認待ちの変更を取り消す。自分のものは変更できません（管理者・主催者に依頼）',
  })
  @IsOptional()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  email?: string;
}
