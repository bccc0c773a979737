import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TOKYO } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { QueueName, ReminderJob } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { RemindersService } from './reminders.service';

const DAILY_SCHEDULER = 'reminders-daily';

/** Runs the reminder scan daily at REMINDER_CRON (Asia/Tokyo), via a BullMQ job scheduler. */
@Injectable()
export class RemindersProcessor {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.REMINDERS) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly reminders: RemindersService,
  ) {
    workers.register(QueueName.REMINDERS, () => this.process(), { concurrency: 1 });
    // Upserting is idempotent, so every consuming process may do it at start.
    workers.onStart(() => this.schedule());
  }

  async process(): Promise<void> {
    const { events, written } = await this.reminders.writeRemindersForTomorrow();
    this.logger.log(`reminders for tomorrow: ${written} emails for ${events} events`);
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DAILY_SCHEDULER,
      { pattern: this.config.REMINDER_CRON, tz: TOKYO },
      { name: ReminderJob.SCAN_TOMORROW, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
