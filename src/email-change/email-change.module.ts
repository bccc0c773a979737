import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ParticipantsModule } from '../participants/participants.module';
import { UsersModule } from '../users/users.module';
import { EmailAddressService } from './email-address.service';
import { EmailChangeConfirmationComposer, EmailChangedNoticeComposer } from './email-change.composers';
import { EmailChangePageController } from './email-change-page.controller';
import { EmailChangeRetentionProcessor } from './email-change-retention.processor';
import { EmailChangeResolver } from './email-change.resolver';
import { EmailChangeService } from './email-change.service';

/**
 * A participant's email address changing: corrected by staff, or moved by the person from a link
 * sent to the new address; and a staff account's login address, moved from such a link too. Either
 * way the old address is told. Nightly, the addresses of changes never confirmed that ended long
 * ago are forgotten (EmailChangeRetentionProcessor).
 */
@Module({
  imports: [MailModule, ParticipantsModule, UsersModule],
  controllers: [EmailChangePageController],
  providers: [
    EmailAddressService,
    EmailChangeService,
    EmailChangeResolver,
    EmailChangeConfirmationComposer,
    EmailChangedNoticeComposer,
    EmailChangeRetentionProcessor,
  ],
})
export class EmailChangeModule {}
