import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ParticipantMergeResolver } from './participant-merge.resolver';
import { ParticipantMergeService } from './participant-merge.service';

/** 名寄せ: two profiles of one person in the shared pool become one. */
@Module({
  imports: [MailModule, ParticipantsModule, RegistrationsModule],
  providers: [ParticipantMergeService, ParticipantMergeResolver],
})
export class ParticipantMergeModule {}
