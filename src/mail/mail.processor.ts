import { Injectable } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { DeliverMailPayload, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { MailDelivery } from './mail-delivery.service';

/**
 * Mail someone waits for arrives a few at a time; these slots keep it from queuing behind a
 * campaign in this process (it still shares the SMTP pool, behind at most MAIL_CONCURRENCY others).
 */
const TRANSACTIONAL_CONCURRENCY = 10;

/** Consumes the mail queues: one job per outbox row, the work is MailDelivery's. */
@Injectable()
export class MailProcessor {
  constructor(
    workers: QueueWorkers,
    config: AppConfig,
    private readonly delivery: MailDelivery,
  ) {
    const handler = (job: Job, token?: string) => this.process(job as Job<DeliverMailPayload>, token);
    const handBack = (jobs: Job[]) =>
      this.delivery.release(jobs.map((job) => (job as Job<DeliverMailPayload>).data.outboxMessageId));
    workers.register(QueueName.MAIL, handler, { concurrency: config.MAIL_CONCURRENCY, handBack });
    workers.register(QueueName.MAIL_TRANSACTIONAL, handler, {
      concurrency: TRANSACTIONAL_CONCURRENCY,
      handBack,
    });
  }

  async process(job: Job<DeliverMailPayload>, token?: string): Promise<void> {
    const outcome = await this.delivery.deliver(job.data.outboxMessageId, {
      attempt: job.attemptsMade + 1,
      attempts: job.opts.attempts ?? 1,
      urgent: job.queueName === QueueName.MAIL_TRANSACTIONAL,
    });
    if (outcome.kind === 'busy') {
      // Not a failure: wait for the other sender's lease without using up a try.
      await job.moveToDelayed(outcome.until.getTime() + 50, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'retry') throw new Error(outcome.reason);
  }
}
