import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TOKYO } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { MeetingRequestJob, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { MeetingRequestsService } from './meeting-requests.service';

export const SWEEP_SCHEDULER = 'meeting-requests-expiry';

/**
 * Expires unanswered meeting requests once their deadline passes, at MEETING_REQUEST_EXPIRY_CRON,
 * via a BullMQ job scheduler: the requester learns it by email instead of waiting in vain.
 */
@Injectable()
export class MeetingRequestExpiryProcessor {
  private readonly logger = new Logger(MeetingRequestExpiryProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.MEETING_REQUESTS) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly requests: MeetingRequestsService,
  ) {
    workers.register(QueueName.MEETING_REQUESTS, () => this.process(), { concurrency: 1 });
    // Upserting is idempotent, so every consuming process may do it at start.
    workers.onStart(() => this.schedule());
  }

  async process(): Promise<number> {
    const expired = await this.requests.expireDue();
    if (expired > 0) this.logger.log(`meeting requests expired unanswered: ${expired}`);
    return expired;
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER,
      { pattern: this.config.MEETING_REQUEST_EXPIRY_CRON, tz: TOKYO },
      { name: MeetingRequestJob.EXPIRE_DUE, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
