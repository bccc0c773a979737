import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Role, StaffRole } from '../../auth/actor';
import { IsStaffRole } from './staff-role';

/** `changeStaffRole(id, role, organizationId)`. */
@ArgsType()
export class ChangeStaffRoleArgs {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Role, { description: 'ADMIN（管理者）・ORGANIZER（主催者）・STAFF（支援担当）' })
  @IsStaffRole()
  role: StaffRole;

  @Field(() => ID, {
    nullable: true,
    description:
      '管理者を主催者・支援担当にするときの所属団体（必須）。それ以外では省略（所属団体は変わりません）',
  })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string | null;
}
