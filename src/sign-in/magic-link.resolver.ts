import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access.decorators';
import { SessionModel } from '../auth/models/session.model';
import { MagicLinkService } from './magic-link.service';

@Resolver()
export class MagicLinkResolver {
  constructor(private readonly magicLinks: MagicLinkService) {}

  @Mutation(() => Boolean, {
    description: 'ログイン用リンクをメールで送る（登録の有無にかかわらず常に true）',
  })
  @Public()
  async requestMagicLink(@Args('email') email: string): Promise<boolean> {
    await this.magicLinks.request(email);
    return true;
  }

  @Mutation(() => SessionModel, {
    description: 'メールのログイン用リンクのトークンでログインする（1回限り）',
  })
  @Public()
  redeemMagicLink(@Args('token') token: string): Promise<SessionModel> {
    return this.magicLinks.redeem(token);
  }
}
