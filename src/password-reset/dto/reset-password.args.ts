import { ArgsType, Field } from '@nestjs/graphql';
import { IsStaffPassword } from '../../users/dto/staff-password';

/** `resetPassword(token, newPassword)`: the new password follows the rule of createStaffUser. */
@ArgsType()
export class ResetPasswordArgs {
  @Field({ description: 'パスワード再設定メールのリンクにあるトークン' })
  token: string;

  @Field()
  @IsStaffPassword()
  newPassword: string;
}
