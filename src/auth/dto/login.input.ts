import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  email: string;

  @Field()
  @IsNotEmpty({ message: 'パスワードを入力してください' })
  password: string;
}
