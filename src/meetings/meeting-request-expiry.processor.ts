import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { MeetingRequestJob, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { MeetingRequestsService } from './meeting-requests.service';

export const SWEEP_SCHEDULER = 'meeting-requests-expiry';

/**
 * Expires unanswered meeting requests once their deadline passes, at MEETING_REQUEST_EXPIRY_CRON:
 * the requester learns it by email instead of waiting in vain.
 */
@Injectable()
export class MeetingRequestExpiryProcessor {
  private readonly logger = new Logger(MeetingRequestExpiryProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.MEETING_REQUESTS) queue: Queue,
    config: AppConfig,
    private readonly requests: MeetingRequestsService,
  ) {
    workers.registerPeriodic(
      queue,
      {
        scheduler: SWEEP_SCHEDULER,
        pattern: config.MEETING_REQUEST_EXPIRY_CRON,
        job: MeetingRequestJob.EXPIRE_DUE,
      },
      () => this.process(),
    );
  }

  async process(): Promise<number> {
    const expired = await this.requests.expireDue();
    if (expired > 0) this.logger.log(`meeting requests expired unanswered: ${expired}`);
    return expired;
  }
}
