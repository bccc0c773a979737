import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { TOKYO } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { QueueName } from './queue-names';

export const CONSUME_QUEUES = Symbol('CONSUME_QUEUES');

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * Starts the BullMQ workers of this process. Processors register a handler for their queue; the
 * workers start only where jobs are consumed (the worker entry point, or the HTTP service when
 * WORKER_IN_PROCESS is true).
 *
 * Why not @nestjs/bullmq's @Processor: its worker options are fixed when the class is decorated,
 * while ours come from the validated config (concurrency, lock duration) and whether this process
 * consumes at all is decided at start. Queues themselves are still registered with @nestjs/bullmq.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly handlers = new Map<QueueName, { handler: JobHandler; concurrency?: number }>();
  private readonly workers: Worker[] = [];
  private readonly startHooks: (() => Promise<void> | void)[] = [];

  constructor(
    private readonly config: AppConfig,
    @Inject(CONSUME_QUEUES) readonly consuming: boolean,
  ) {}

  /** Called by a processor in its constructor; one handler per queue. */
  register(queue: QueueName, handler: JobHandler, options: { concurrency?: number } = {}): void {
    if (this.handlers.has(queue)) throw new Error(`queue ${queue} already has a handler`);
    this.handlers.set(queue, { handler, ...options });
  }

  /**
   * A periodic scan: `run` handles the queue one job at a time, and a BullMQ job scheduler adds
   * a `job` at each `pattern` (cron, Asia/Tokyo). Upserting the scheduler is idempotent, so every
   * consuming process does it at start.
   */
  registerPeriodic(
    queue: Queue,
    schedule: { scheduler: string; pattern: string; job: string },
    run: () => Promise<unknown>,
  ): void {
    this.register(queue.name as QueueName, run, { concurrency: 1 });
    this.onStart(async () => {
      await queue.upsertJobScheduler(
        schedule.scheduler,
        { pattern: schedule.pattern, tz: TOKYO },
        { name: schedule.job, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    });
  }

  /** Work that belongs to consuming processes only (poll loops, job schedulers). */
  onStart(hook: () => Promise<void> | void): void {
    this.startHooks.push(hook);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.consuming) return;
    for (const [queue, { handler, concurrency }] of this.handlers) {
      const worker = new Worker(queue, handler, {
        connection: { url: this.config.REDIS_URL },
        prefix: this.config.QUEUE_PREFIX,
        concurrency: concurrency ?? this.config.WORKER_CONCURRENCY,
        lockDuration: this.config.QUEUE_LOCK_MS,
        stalledInterval: this.config.QUEUE_LOCK_MS,
        // A job is "stalled" when its worker died; it must be retried however often that happens.
        maxStalledCount: 1000,
      });
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
    for (const hook of this.startHooks) await hook();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
