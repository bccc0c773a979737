import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { CalendarController } from './calendar.controller';
import { CalendarResolver } from './calendar.resolver';

@Module({
  imports: [EventsModule],
  controllers: [CalendarController],
  providers: [CalendarResolver],
})
export class CalendarModule {}
