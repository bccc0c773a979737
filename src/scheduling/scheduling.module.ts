import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { SchedulingRun } from './scheduling-run.entity';
import { SchedulingProcessor } from './scheduling.processor';
import { SchedulingResolver } from './scheduling.resolver';
import { UnscheduledExportController } from './unscheduled-export.controller';
import { SchedulerRunner } from './scheduler-runner';
import { SchedulingService } from './scheduling.service';

/** The scheduling job around the pure engine in ./engine: runs, their progress and results. */
@Module({
  imports: [TypeOrmModule.forFeature([SchedulingRun]), EventsModule, MeetingsModule],
  controllers: [UnscheduledExportController],
  providers: [SchedulingService, SchedulingProcessor, SchedulingResolver, SchedulerRunner],
  exports: [SchedulingService],
})
export class SchedulingModule {}
