import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { PasswordResetComposer } from './password-reset.composer';
import { PasswordResetPageController } from './password-reset-page.controller';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';

/**
 * Staff who forgot their password set a new one through a link emailed to them (the login itself,
 * and LoginThrottle, are AuthModule's).
 */
@Module({
  imports: [MailModule, UsersModule],
  controllers: [PasswordResetPageController],
  providers: [PasswordResetService, PasswordResetResolver, PasswordResetComposer],
})
export class PasswordResetModule {}
