import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ReminderComposer } from './reminder.composer';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

@Module({
  imports: [MailModule, MeetingsModule, EventsModule, RegistrationsModule],
  providers: [RemindersService, RemindersProcessor, ReminderComposer],
  exports: [RemindersService],
})
export class RemindersModule {}
