import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName, SchedulingPayload } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { SchedulingService } from './scheduling.service';

/** Consumes the scheduling queue, one run at a time per process (the engine is CPU-bound). */
@Injectable()
export class SchedulingProcessor {
  constructor(
    workers: QueueWorkers,
    private readonly scheduling: SchedulingService,
  ) {
    workers.register(QueueName.SCHEDULING, (job) => this.process(job as Job<SchedulingPayload>), {
      concurrency: 1,
    });
  }

  async process(job: Job<SchedulingPayload>): Promise<void> {
    await this.scheduling.execute(job.data.runId, (percent) => job.updateProgress(percent));
  }
}
