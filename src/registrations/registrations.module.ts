import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegistrationCancellations } from './registration-cancellations';
import { Registration } from './registration.entity';
import { RegistrationsExportController } from './registrations-export.controller';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), EventsModule, ParticipantsModule],
  controllers: [RegistrationsExportController],
  providers: [RegistrationsService, RegistrationCancellations, RegistrationsResolver],
  exports: [RegistrationsService, RegistrationCancellations],
})
export class RegistrationsModule {}
