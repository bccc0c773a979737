import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MailModule } from '../mail/mail.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MiniSalonDecisionComposer } from './mini-salon-decision.composer';
import { MiniSalonRequestsExportController } from './mini-salon-requests-export.controller';
import { MiniSalonRequestsResolver } from './mini-salon-requests.resolver';
import { MiniSalonRequestsService } from './mini-salon-requests.service';

/** ミニサロン開催要望: asked by participants, decided by organisers, answered by email. */
@Module({
  imports: [EventsModule, InvitationsModule, MailModule, OrganizationsModule],
  controllers: [MiniSalonRequestsExportController],
  providers: [MiniSalonRequestsService, MiniSalonRequestsResolver, MiniSalonDecisionComposer],
})
export class MiniSalonsModule {}
