import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Role, StaffActor } from '../auth/actor';
import { ChangeStaffRoleArgs } from './dto/change-staff-role.args';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { StaffUsersArgs } from './dto/staff-users.args';
import { UserConnection, UserModel } from './models/user.model';
import { StaffUserOrder } from './staff-accounts';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Mutation(() => UserModel, { description: 'スタッフアカウントを作成する（管理者）' })
  @Allow(Role.ADMIN)
  async createStaffUser(@Args('input') input: CreateStaffUserInput): Promise<UserModel> {
    return UserModel.from(await this.users.create(input));
  }

  @Query(() => UserConnection, {
    description:
      'スタッフアカウントの一覧（利用停止中を含む）。管理者は任意の団体（省略するとすべて）、主催者・支援担当は自団体のみ',
  })
  @AllowStaff()
  staffUsers(
    @CurrentActor() actor: StaffActor,
    @Args() { organizationId, orderBy, first, after }: StaffUsersArgs,
  ) {
    return this.users.list(
      actor,
      organizationId ?? null,
      orderBy ?? StaffUserOrder.NAME,
      { first, after },
      UserModel.from,
    );
  }

  @Mutation(() => UserModel, {
    description:
      'スタッフアカウントを利用停止する（異動・退職時）。ログインできなくなり、使用中のセッションもすぐに無効になる。管理者は任意のアカウント、主催者は自団体の主催者・支援担当',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async deactivateStaffUser(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return UserModel.from(await this.users.deactivate(actor, id));
  }

  @Mutation(() => UserModel, {
    description: '利用停止したスタッフアカウントを再開する（改めてログインが必要）',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async reactivateStaffUser(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return UserModel.from(await this.users.reactivate(actor, id));
  }

  @Mutation(() => UserModel, {
    description:
      'スタッフアカウントの役割を変更する。管理者は任意のアカウントに任意の役割、主催者は自団体の主催者・支援担当の間のみ。ログイン中のセッションにもすぐ反映される',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async changeStaffRole(
    @CurrentActor() actor: StaffActor,
    @Args() { id, role, organizationId }: ChangeStaffRoleArgs,
  ): Promise<UserModel> {
    return UserModel.from(await this.users.changeRole(actor, id, role, organizationId ?? null));
  }

  @ResolveField(() => Int, {
    description:
      '担当している未完了のフォローアップの件数（担当に指定されたもの、担当未指定で本人が予定したもの）。利用停止の前に handOverFollowUps で引き継ぐ',
  })
  openFollowUps(@Parent() user: UserModel): Promise<number> {
    return this.users.openFollowUps(user.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      '確認待ちの新しいログイン用メールアドレス（updateStaffUser で変更を依頼したもの）。新しいアドレスに届いたメールのボタンで確定するまではこれまでの email でログインする。24時間で取り消しになる',
  })
  pendingEmail(@Parent() user: UserModel): Promise<string | null> {
    return this.users.pendingEmail(user.id);
  }
}
