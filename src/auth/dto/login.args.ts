import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty } from 'class-validator';

/** `login(email, password)`: the arguments the public contract names. */
@ArgsType()
export class LoginArgs {
  @Field()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  email: string;

  @Field()
  @IsNotEmpty({ message: 'パスワードを入力してください' })
  password: string;
}
