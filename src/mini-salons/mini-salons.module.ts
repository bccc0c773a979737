import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MailModule } from '../mail/mail.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MiniSalonDecisionComposer } from './mini-salon-decision.composer';
import { MiniSalonRequestNoticeComposer } from './mini-salon-request-notice.composer';
import { MiniSalonRequestReceivedComposer } from './mini-salon-request-received.composer';
import { MiniSalonRequestsExportController } from './mini-salon-requests-export.controller';
import { MiniSalonRequestsResolver } from './mini-salon-requests.resolver';
import { MiniSalonRequestsService } from './mini-salon-requests.service';

/**
 * ミニサロン開催要望: asked by participants (who get a receipt, while the organisation's 主催者 are
 * told), decided by organisers, answered by email.
 */
@Module({
  imports: [EventsModule, InvitationsModule, MailModule, OrganizationsModule],
  controllers: [MiniSalonRequestsExportController],
  providers: [
    MiniSalonRequestsService,
    MiniSalonRequestsResolver,
    MiniSalonDecisionComposer,
    MiniSalonRequestReceivedComposer,
    MiniSalonRequestNoticeComposer,
  ],
})
export class MiniSalonsModule {}
