import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { DeliverMailPayload, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { DeliveryOutcome, MailDelivery } from './mail-delivery.service';
import { MAIL_JOB_ROWS, mailJob } from './mail-jobs';

/**
 * Mail someone waits for arrives a few at a time; these slots keep it from queuing behind a
 * campaign in this process (it still shares the SMTP pool, behind at most MAIL_CONCURRENCY others).
 */
const TRANSACTIONAL_CONCURRENCY = 10;

/**
 * Consumes the mail queues; the work on each row is MailDelivery's. A job's rows are delivered
 * side by side, each on its own: one that must be tried again later (a temporary failure, or a row
 * that waits for another sender's lease or an earlier email) goes into a job of its own, delayed,
 * and the others are done with. The job fails as a whole only where delivering threw (Postgres
 * away): BullMQ then tries again those rows alone, with its backoff.
 */
@Injectable()
export class MailProcessor {
  constructor(
    workers: QueueWorkers,
    private readonly config: AppConfig,
    private readonly delivery: MailDelivery,
    @InjectQueue(QueueName.MAIL) private readonly bulk: Queue<DeliverMailPayload>,
    @InjectQueue(QueueName.MAIL_TRANSACTIONAL) private readonly transactional: Queue<DeliverMailPayload>,
  ) {
    const handler = (job: Job) => this.process(job as Job<DeliverMailPayload>);
    const handBack = (jobs: Job[]) =>
      this.delivery.release(jobs.flatMap((job) => (job as Job<DeliverMailPayload>).data.outboxMessageIds));
    // MAIL_CONCURRENCY counts emails: a campaign's jobs hold MAIL_JOB_ROWS each.
    workers.register(QueueName.MAIL, handler, {
      concurrency: Math.ceil(config.MAIL_CONCURRENCY / MAIL_JOB_ROWS),
      handBack,
    });
    workers.register(QueueName.MAIL_TRANSACTIONAL, handler, {
      concurrency: TRANSACTIONAL_CONCURRENCY,
      handBack,
    });
  }

  async process(job: Job<DeliverMailPayload>): Promise<void> {
    const { outboxMessageIds: ids, triesBefore = 0 } = job.data;
    const attempt = triesBefore + job.attemptsMade + 1;
    const outcomes = await Promise.allSettled(
      ids.map((id) =>
        this.delivery.deliver(id, {
          attempt,
          attempts: job.opts.attempts ?? 1,
          urgent: job.queueName === QueueName.MAIL_TRANSACTIONAL,
        }),
      ),
    );
    const later = new Map<number, { delayMs: number; triesBefore: number; ids: string[] }>();
    const threw: string[] = [];
    let error: unknown;
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'rejected') {
        threw.push(ids[index]);
        error ??= outcome.reason;
        return;
      }
      const again = this.tryAgain(outcome.value, attempt);
      if (!again) return;
      const group = later.get(again.delayMs) ?? { ...again, ids: [] };
      group.ids.push(ids[index]);
      later.set(again.delayMs, group);
    });
    if (later.size > 0) {
      const queue = job.queueName === QueueName.MAIL_TRANSACTIONAL ? this.transactional : this.bulk;
      await queue.addBulk(
        [...later.values()].map(({ ids: rows, ...when }) => mailJob(this.config, rows, when)),
      );
    }
    if (threw.length > 0) {
      // Tried again with BullMQ's backoff: only these rows, the others' outcome stands.
      if (threw.length < ids.length) await job.updateData({ ...job.data, outboxMessageIds: threw });
      throw error;
    }
  }

  /**
   * When a row is tried again and how its tries count: after the backoff for a temporary failure
   * (this try spent), or once another sender's lease or an earlier email allows (no try spent).
   */
  private tryAgain(
    outcome: DeliveryOutcome,
    attempt: number,
  ): { delayMs: number; triesBefore: number } | null {
    if (outcome.kind === 'retry') return { delayMs: outcome.afterMs, triesBefore: attempt };
    if (outcome.kind === 'busy')
      return { delayMs: outcome.until.getTime() + 50 - Date.now(), triesBefore: attempt - 1 };
    return null;
  }
}
