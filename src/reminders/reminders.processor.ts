import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName, ReminderJob } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { RemindersService } from './reminders.service';

const DAILY_SCHEDULER = 'reminders-daily';

/** Runs the reminder scan daily at REMINDER_CRON (Asia/Tokyo). */
@Injectable()
export class RemindersProcessor {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.REMINDERS) queue: Queue,
    config: AppConfig,
    private readonly reminders: RemindersService,
  ) {
    workers.registerPeriodic(
      queue,
      { scheduler: DAILY_SCHEDULER, pattern: config.REMINDER_CRON, job: ReminderJob.SCAN_TOMORROW },
      () => this.process(),
    );
  }

  async process(): Promise<void> {
    const { events, written } = await this.reminders.writeRemindersForTomorrow();
    this.logger.log(`reminders for tomorrow: ${written} emails for ${events} events`);
  }
}
