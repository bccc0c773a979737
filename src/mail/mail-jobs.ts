import { AppConfig } from '../config/app-config';
import { DeliverMailPayload, MailJob } from '../queue/queue-names';

/**
 * A campaign's emails go to the worker this many to a queue job. The queue's own work (a job added,
 * taken, finished: several Redis commands each) then costs a twenty-fifth as much per email, and
 * the rows of a job reach the sender's shared statements together (MicroBatch), without waiting
 * for one another to come out of the queue one at a time.
 */
export const MAIL_JOB_ROWS = 25;

/**
 * The job that delivers `outboxMessageIds`. Its id is the row's id for one row, so the relay
 * handing the same row over twice queues it once; for more rows, the first row's id and how many.
 * A job written to try rows again later (`later`) has its own id, from when it is due.
 *
 * `attempts` and `backoff` are BullMQ's, for a job that fails as a whole (Redis or Postgres away):
 * a row that fails on its own is tried again by a job of its own (MailProcessor), its tries
 * counted on from `triesBefore`.
 */
export function mailJob(
  config: AppConfig,
  outboxMessageIds: string[],
  later?: { delayMs: number; triesBefore: number },
): { name: string; data: DeliverMailPayload; opts: Record<string, unknown> } {
  const [first] = outboxMessageIds;
  const rows = outboxMessageIds.length === 1 ? first : `${first}-${outboxMessageIds.length}`;
  const delayMs = Math.max(0, Math.round(later?.delayMs ?? 0));
  return {
    name: MailJob.DELIVER,
    data: { outboxMessageIds, ...(later?.triesBefore ? { triesBefore: later.triesBefore } : {}) },
    opts: {
      jobId: later ? `${rows}-at-${Date.now() + delayMs}` : rows,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      attempts: config.MAIL_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.MAIL_RETRY_BASE_MS },
      // The row keeps the record; a finished job only blocks a later re-queue of its id.
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}
