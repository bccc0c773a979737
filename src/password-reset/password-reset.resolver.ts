import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access.decorators';
import { ResetPasswordArgs } from './dto/reset-password.args';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Mutation(() => Boolean, {
    description:
      'スタッフのパスワード再設定用リンクをメールで送る（アカウントの有無・利用停止にかかわらず常に true）',
  })
  @Public()
  async requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    await this.resets.request(email);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'パスワード再設定メールのリンクのトークンで新しいパスワードを設定する（1回限り）。そのアカウントのセッションはすべて終了するので、新しいパスワードで login し直す',
  })
  @Public()
  async resetPassword(@Args() { token, newPassword }: ResetPasswordArgs): Promise<boolean> {
    await this.resets.reset(token, newPassword);
    return true;
  }
}
