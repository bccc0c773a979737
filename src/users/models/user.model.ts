import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/actor';
import { Connection } from '../../common/pagination/connection';
import { OrganizationModel } from '../../organizations/models/organization.model';
import { STAFF_ROLE_LABEL } from '../staff-accounts';
import { User } from '../user.entity';

@ObjectType('User', { description: 'スタッフアカウント（管理者・主催者・支援担当）' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: '役割（管理者・主催者・支援担当）' })
  roleLabel: string;

  @Field(() => String, { nullable: true })
  organizationId: string | null;

  @Field(() => OrganizationModel, { nullable: true, description: '所属団体（管理者はなし）' })
  organization: OrganizationModel | null;

  @Field(() => Date)
  createdAt: Date;

  @Field({ description: 'ログインできるか（false: 利用停止中）' })
  active: boolean;

  @Field(() => Date, { nullable: true, description: '利用停止した日時' })
  deactivatedAt: Date | null;

  /** `user` with its organisation loaded (UsersService.get, list and authenticate load it). */
  static from(user: User): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      roleLabel: STAFF_ROLE_LABEL[user.role],
      organizationId: user.organizationId,
      organization: user.organization ? OrganizationModel.from(user.organization) : null,
      createdAt: user.createdAt,
      active: user.deactivatedAt === null,
      deactivatedAt: user.deactivatedAt,
    });
  }
}

export const UserConnection = Connection(UserModel, 'User');
