import { IsEmail } from 'class-validator';
import { IsStaffPassword } from './staff-password';

/** `set-staff-password --email … [--password …]` of the command line: the rules of createStaffUser. */
export class SetStaffPasswordInput {
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  email: string;

  @IsStaffPassword()
  password: string;
}
