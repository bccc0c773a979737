import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from './access.decorators';
import { Actor, Role } from './actor';
import { AuthService } from './auth.service';
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
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF, Role.PARTICIPANT)
  me(@CurrentActor() actor: Actor): Promise<MeModel> {
    return this.auth.me(actor);
  }
}
