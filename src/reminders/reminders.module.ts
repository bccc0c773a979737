import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ReminderComposer } from './reminder.composer';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

@Module({
  imports: [MailModule, MeetingsModule],
  providers: [RemindersService, RemindersProcessor, ReminderComposer],
  exports: [RemindersService],
})
export class RemindersModule {}
