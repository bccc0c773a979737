import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { AgendaFeedLinks } from '../meetings/agenda-feed-links';
import { MagicLinkComposer } from './magic-link.composer';
import { MagicLinkResolver } from './magic-link.resolver';
import { MagicLinkService } from './magic-link.service';
import { SignInPageController } from './sign-in-page.controller';
import { UpcomingEvents } from './upcoming-events';

/** Magic-link sign-in for participants (the session itself is AuthService's). */
@Module({
  imports: [MailModule],
  controllers: [SignInPageController],
  // AgendaFeedLinks is a stateless signer over the config: provided here too rather than pulling
  // in the whole meetings module for the signed-in page's agenda link.
  providers: [MagicLinkService, MagicLinkResolver, MagicLinkComposer, AgendaFeedLinks, UpcomingEvents],
})
export class SignInModule {}
