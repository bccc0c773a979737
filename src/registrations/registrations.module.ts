import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { ParticipantsModule } from '../participants/participants.module';
import { EventApplicationPagesController } from './event-application-pages.controller';
import { EventApplications } from './event-applications.service';
import { EventApplicationComposer } from './mail/event-application.composer';
import { OwnCancellationComposer } from './mail/own-cancellation.composer';
import { RegistrationCancelledComposer } from './mail/registration-cancelled.composer';
import { WaitlistPromotedComposer } from './mail/waitlist-promoted.composer';
import { RegistrationsCsvService } from './import/registrations-csv.service';
import { RegistrationCancelLinks } from './registration-cancel-links.service';
import { RegistrationCancelPagesController } from './registration-cancel-pages.controller';
import { RegistrationCancellations } from './registration-cancellations';
import { Registration } from './registration.entity';
import { RegistrationsExportController } from './registrations-export.controller';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';
import { SeatsGiven } from './seats-given';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), EventsModule, ParticipantsModule, MailModule],
  controllers: [
    RegistrationsExportController,
    RegistrationCancelPagesController,
    EventApplicationPagesController,
  ],
  providers: [
    RegistrationsService,
    RegistrationCancellations,
    SeatsGiven,
    RegistrationCancelLinks,
    RegistrationsResolver,
    RegistrationsCsvService,
    WaitlistPromotedComposer,
    RegistrationCancelledComposer,
    OwnCancellationComposer,
    EventApplications,
    EventApplicationComposer,
  ],
  exports: [RegistrationsService, RegistrationCancellations, SeatsGiven],
})
export class RegistrationsModule {}
