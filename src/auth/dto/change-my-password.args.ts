import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty } from 'class-validator';
import { IsStaffPassword } from '../../users/dto/staff-password';

/** `changeMyPassword(currentPassword, newPassword)`: the new one follows the rule of createStaffUser. */
@ArgsType()
export class ChangeMyPasswordArgs {
  @Field()
  @IsNotEmpty({ message: '現在のパスワードを入力してください' })
  currentPassword: string;

  @Field()
  @IsStaffPassword()
  newPassword: string;
}
