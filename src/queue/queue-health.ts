import { Queue } from 'bullmq';

/** The wording of every health answer for Redis away, whatever the client library said. */
export const REDIS_UNREACHABLE = 'Redis cannot be reached (REDIS_URL)';

/** A queue holding jobs that no worker is connected to take. */
export interface UnservedQueue {
  queue: string;
  jobs: number;
}

/**
 * Whether the queues' jobs have anyone to run them. BullMQ names each worker's Redis connection
 * after its queue and QUEUE_PREFIX, and Queue.getWorkersCount() counts them in CLIENT LIST: a
 * worker that died (even by SIGKILL) drops out as soon as Redis sees its connection close.
 */
export class QueueHealth {
  constructor(private readonly queues: Queue[]) {}

  /**
   * Queues with jobs waiting (or left active by a worker that died) and no worker connected. A
   * job scheduler's next run is delayed, not waiting, so an idle periodic queue is not listed.
   */
  async unserved(): Promise<UnservedQueue[]> {
    const found = await Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'active');
        const jobs = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.active ?? 0);
        if (jobs === 0 || (await queue.getWorkersCount()) > 0) return null;
        return { queue: queue.name, jobs };
      }),
    );
    return found.filter((entry): entry is UnservedQueue => entry !== null);
  }
}

/** The problem, in words, for the engineer on call. */
export function unservedProblem(unserved: UnservedQueue[]): string {
  const jobs = unserved.reduce((sum, entry) => sum + entry.jobs, 0);
  const where = unserved.map((entry) => `${entry.queue}: ${entry.jobs}`).join(', ');
  return (
    `${jobs} jobs wait and no worker is connected to their queues (${where}): nothing runs them, ` +
    'not emails, matching or scheduling, until a worker starts (npm run start:worker, or WORKER_IN_PROCESS=true)'
  );
}
