import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorators';
import { Role } from '../auth/actor';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Mutation(() => UserModel, { description: 'スタッフアカウントを作成する（管理者）' })
  @Allow(Role.ADMIN)
  async createStaffUser(@Args('input') input: CreateStaffUserInput): Promise<UserModel> {
    return UserModel.from(await this.users.create(input));
  }
}
