import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ParticipantsModule } from '../participants/participants.module';
import { DealsExportController } from './deals-export.controller';
import { DealsResolver } from './deals.resolver';
import { DealsService } from './deals.service';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

/**
 * Outcomes: 商談 recorded by staff from meetings, and the フォローアップ that keep them moving.
 * Reports (src/reports) count them by fiscal year.
 */
@Module({
  imports: [EventsModule, MeetingsModule, ParticipantsModule],
  controllers: [DealsExportController],
  providers: [DealsService, DealsResolver, FollowUpsService, FollowUpsResolver],
  exports: [DealsService],
})
export class DealsModule {}
