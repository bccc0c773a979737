import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../auth/actor';
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

  @Field(() => String, { nullable: true })
  organizationId: string | null;

  static from(user: User): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organizationId: user.organizationId,
    });
  }
}
