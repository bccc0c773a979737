import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TOKYO } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { FollowUpJob, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { FollowUpDigestsService } from './follow-up-digests.service';

export const WEEKLY_SCHEDULER = 'follow-ups-weekly';

/** Runs the follow-up scan at FOLLOW_UP_DIGEST_CRON (Asia/Tokyo), via a BullMQ job scheduler. */
@Injectable()
export class FollowUpDigestsProcessor {
  private readonly logger = new Logger(FollowUpDigestsProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.FOLLOW_UPS) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly digests: FollowUpDigestsService,
  ) {
    workers.register(QueueName.FOLLOW_UPS, () => this.process(), { concurrency: 1 });
    // Upserting is idempotent, so every consuming process may do it at start.
    workers.onStart(() => this.schedule());
  }

  async process(): Promise<void> {
    const { staff, written } = await this.digests.writeDigests();
    this.logger.log(`follow-ups due: ${written} emails to ${staff} staff`);
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      WEEKLY_SCHEDULER,
      { pattern: this.config.FOLLOW_UP_DIGEST_CRON, tz: TOKYO },
      { name: FollowUpJob.SCAN_DUE, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
