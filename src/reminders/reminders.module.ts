import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ReminderComposer } from './reminder.composer';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

@Module({
  imports: [MailModule],
  providers: [RemindersService, RemindersProcessor, ReminderComposer],
  exports: [RemindersService],
})
export class RemindersModule {}
