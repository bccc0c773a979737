import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { MyDataService } from './my-data.service';
import { ParticipantErasureService } from './participant-erasure.service';
import { ParticipantPrivacyResolver } from './participant-privacy.resolver';

/**
 * 個人情報の開示・削除: a participant's own data (`exportMyData`) and an admin's erasure of a
 * participant (`eraseParticipant`). Its own module because both read across every feature that
 * holds personal data, and erasure goes through registrations' and meetings' own cancellations.
 */
@Module({
  imports: [EventsModule, MailModule, RegistrationsModule, MeetingsModule],
  providers: [MyDataService, ParticipantErasureService, ParticipantPrivacyResolver],
})
export class PrivacyModule {}
