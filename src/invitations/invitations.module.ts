import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { InvitationComposer } from './invitation.composer';
import { InvitationDeadlineComposer } from './invitation-deadline.composer';
import { InvitationDeadlineListener } from './invitation-deadline.listener';
import { InvitationCampaign } from './invitation-campaign.entity';
import { InvitationPagesController } from './invitation-pages.controller';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { RegistrationConfirmationComposer } from './registration-confirmation.composer';

@Module({
  imports: [
    TypeOrmModule.forFeature([InvitationCampaign]),
    EventsModule,
    ParticipantsModule,
    RegistrationsModule,
    MailModule,
  ],
  controllers: [InvitationPagesController],
  providers: [
    InvitationsService,
    InvitationsResolver,
    InvitationComposer,
    InvitationDeadlineComposer,
    InvitationDeadlineListener,
    RegistrationConfirmationComposer,
  ],
  exports: [InvitationsService],
})
export class InvitationsModule {}
