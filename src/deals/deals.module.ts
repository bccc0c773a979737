import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ParticipantsModule } from '../participants/participants.module';
import { DealsExportController } from './deals-export.controller';
import { DealsResolver } from './deals.resolver';
import { DealsService } from './deals.service';
import { FollowUpDigestComposer } from './follow-up-digest.composer';
import { FollowUpDigestsProcessor } from './follow-up-digests.processor';
import { FollowUpDigestsService } from './follow-up-digests.service';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

/**
 * Outcomes: 商談 recorded by staff from meetings, and the フォローアップ that keep them moving.
 * Staff get the week's follow-ups by email on Monday mornings; reports (src/reports) count the
 * deals by fiscal year.
 */
@Module({
  imports: [EventsModule, MeetingsModule, ParticipantsModule, MailModule],
  controllers: [DealsExportController],
  providers: [
    DealsService,
    DealsResolver,
    FollowUpsService,
    FollowUpsResolver,
    FollowUpDigestsService,
    FollowUpDigestsProcessor,
    FollowUpDigestComposer,
  ],
  exports: [DealsService],
})
export class DealsModule {}
