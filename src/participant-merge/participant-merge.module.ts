import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { DuplicateCandidatesExportController } from './duplicate-candidates-export.controller';
import { DuplicateCandidatesResolver } from './duplicate-candidates.resolver';
import { DuplicateCandidatesService } from './duplicate-candidates.service';
import { ParticipantMergeResolver } from './participant-merge.resolver';
import { ParticipantMergeService } from './participant-merge.service';

/**
 * 名寄せ: finding who may be in the shared pool twice (名寄せ候補), and making two profiles of one
 * person one.
 */
@Module({
  imports: [MailModule, MeetingsModule, ParticipantsModule, RegistrationsModule],
  controllers: [DuplicateCandidatesExportController],
  providers: [
    ParticipantMergeService,
    ParticipantMergeResolver,
    DuplicateCandidatesService,
    DuplicateCandidatesResolver,
  ],
})
export class ParticipantMergeModule {}
