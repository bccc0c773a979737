import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor, Public } from './access.decorators';
import { Actor, Role, STAFF_ROLES, StaffActor } from './actor';
import { AuthService } from './auth.service';
import { ChangeMyPasswordArgs } from './dto/change-my-password.args';
import { LoginArgs } from './dto/login.args';
import { MeModel } from './models/me.model';
import { SessionModel } from './models/session.model';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => SessionModel, { description: 'スタッフのログイン（メールアドレスとパスワード）' })
  @Public()
  login(@Args() { email, password }: LoginArgs): Promise<SessionModel> {
    return this.auth.login(email, password);
  }

  @Query(() => MeModel)
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  me(@CurrentActor() actor: Actor): Promise<MeModel> {
    return this.auth.me(actor);
  }

  @Mutation(() => SessionModel, {
    description:
      '自分のパスワードを変更する（スタッフ）。他の端末のセッションは無効になり、このリクエストには新しいトークンを返す',
  })
  @AllowStaff()
  changeMyPassword(
    @CurrentActor() actor: StaffActor,
    @Args() { currentPassword, newPassword }: ChangeMyPasswordArgs,
  ): Promise<SessionModel> {
    return this.auth.changeMyPassword(actor, currentPassword, newPassword);
  }
}
