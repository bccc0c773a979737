import { EventsExportController } from './events-export.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EventChanges } from './event-changes';
import { Event } from './event.entity';
import { EventPagesController } from './event-pages.controller';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { MatchmakingSession } from './matchmaking-session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Event, MatchmakingSession]), OrganizationsModule],
  controllers: [EventsExportController, EventPagesController],
  providers: [EventsService, EventChanges, EventsResolver],
  exports: [EventsService, EventChanges],
})
export class EventsModule {}
