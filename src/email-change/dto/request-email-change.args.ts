import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, MaxLength } from 'class-validator';

/** `requestEmailChange(email)`. */
@ArgsType()
export class RequestEmailChangeArgs {
  @Field({ description: '新しいメールアドレス' })
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  email: string;
}
