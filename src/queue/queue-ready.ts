import { Queue } from 'bullmq';

/** How long a producer waits for a queue's first connection to Redis. */
export const QUEUE_READY_MS = 3_000;

/** The queue's Redis was not reachable in time; it reads as a connection error (isConnectionError). */
export class QueueNotReady extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(queue: string, ms: number) {
    super(`Redis did not answer for the ${queue} queue within ${ms} ms`);
  }
}

/**
 * Waits for the queue's connection to Redis, for at most `ms`. Producers run with the offline
 * queue off, so a command fails at once once a connection is lost; but before the first one,
 * BullMQ waits for it without end: a GraphQL request adding a run would never answer, and the
 * outbox relay would hold its rows locked. Called before adding, it turns that into an error.
 */
export async function queueReady(queue: Queue, ms = QUEUE_READY_MS): Promise<void> {
  const ready = queue.waitUntilReady();
  ready.catch(() => undefined); // lost the race, or the queue closed meanwhile
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new QueueNotReady(queue.name, ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
