import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { ComputeSuggestionsPayload, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { MatchingService } from './matching.service';

/**
 * Consumes the matching queue: one job per run, the work is MatchingService's. Two at a time per
 * process: each run's engine has its own thread, and a machine has few cores.
 */
@Injectable()
export class MatchingProcessor {
  constructor(
    workers: QueueWorkers,
    private readonly matching: MatchingService,
  ) {
    workers.register(QueueName.MATCHING, (job) => this.process(job as Job<ComputeSuggestionsPayload>), {
      concurrency: 2,
    });
  }

  process(job: Job<ComputeSuggestionsPayload>): Promise<void> {
    return this.matching.execute(job.data.matchingRunId);
  }
}
