import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { Role } from '../../auth/actor';
import { IsStaffPassword } from './staff-password';
import { IsStaffRole } from './staff-role';

@InputType()
export class CreateStaffUserInput {
  @Field()
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  email: string;

  @Field()
  @RequiredText('氏名')
  @MaxLength(100)
  name: string;

  @Field()
  @IsStaffPassword()
  password: string;

  @Field(() => Role)
  @IsStaffRole()
  role: Role.ADMIN | Role.ORGANIZER | Role.STAFF;

  @Field(() => ID, { nullable: true, description: 'ORGANIZER と STAFF は必須' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId の形式が正しくありません' })
  organizationId?: string;
}
