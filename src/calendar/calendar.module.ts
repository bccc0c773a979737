import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { CalendarController } from './calendar.controller';
import { CalendarExportController } from './calendar-export.controller';
import { CalendarResolver } from './calendar.resolver';

@Module({
  imports: [EventsModule],
  controllers: [CalendarController, CalendarExportController],
  providers: [CalendarResolver],
})
export class CalendarModule {}
