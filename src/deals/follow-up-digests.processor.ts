import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { FollowUpJob, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { FollowUpDigestsService } from './follow-up-digests.service';

export const WEEKLY_SCHEDULER = 'follow-ups-weekly';

/** Runs the follow-up scan at FOLLOW_UP_DIGEST_CRON (Asia/Tokyo). */
@Injectable()
export class FollowUpDigestsProcessor {
  private readonly logger = new Logger(FollowUpDigestsProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.FOLLOW_UPS) queue: Queue,
    config: AppConfig,
    private readonly digests: FollowUpDigestsService,
  ) {
    workers.registerPeriodic(
      queue,
      { scheduler: WEEKLY_SCHEDULER, pattern: config.FOLLOW_UP_DIGEST_CRON, job: FollowUpJob.SCAN_DUE },
      () => this.process(),
    );
  }

  async process(): Promise<void> {
    const { staff, written } = await this.digests.writeDigests();
    this.logger.log(`follow-ups due: ${written} emails to ${staff} staff`);
  }
}
