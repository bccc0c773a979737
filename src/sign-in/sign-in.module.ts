import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { MagicLinkComposer } from './magic-link.composer';
import { MagicLinkResolver } from './magic-link.resolver';
import { MagicLinkService } from './magic-link.service';
import { SignInPageController } from './sign-in-page.controller';

/** Magic-link sign-in for participants (the session itself is AuthService's). */
@Module({
  imports: [MailModule],
  controllers: [SignInPageController],
  providers: [MagicLinkService, MagicLinkResolver, MagicLinkComposer],
})
export class SignInModule {}
