import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOKYO } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { RedisStatus } from '../redis/redis-status';
import { QueueName } from './queue-names';

export const CONSUME_QUEUES = Symbol('CONSUME_QUEUES');

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

export interface HandlerOptions {
  concurrency?: number;
  /**
   * Called at shutdown with this queue's jobs still running after SHUTDOWN_GRACE_MS, before they
   * are handed back to the queue: to release what they hold (an outbox row's lease).
   */
  handBack?: (jobs: Job[]) => Promise<void>;
}

/**
 * A periodic scan that fails (Postgres restarting at 10:00) is tried again with backoff, 30 s
 * doubling, for about an hour in all: each scan is idempotent (its emails have keys), and the
 * day's reminders must not wait for tomorrow's run.
 */
export const PERIODIC_ATTEMPTS = 8;
export const PERIODIC_RETRY_BASE_MS = 30_000;

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
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly handlers = new Map<QueueName, { handler: JobHandler } & HandlerOptions>();
  private readonly workers: Worker[] = [];
  private readonly startHooks: (() => Promise<void> | void)[] = [];
  private readonly schedulers: (() => Promise<void>)[] = [];
  /** The jobs this process is working on, so a shutdown can hand back those it cannot finish. */
  private readonly running = new Map<string, { queue: QueueName; job: Job; token?: string }>();
  /**
   * Set while a stopping process hands its running jobs back (see beforeApplicationShutdown), and
   * settled once they are back in their queues. A handed-back job's processor that returns
   * meanwhile (an email whose row was given back unsent) waits for it: completing first would
   * remove the job (removeOnComplete), the move would find nothing, and its row would wait
   * OUTBOX_REENQUEUE_AFTER_MS for the relay instead of going to the next worker at once.
   */
  private handingBack: Promise<unknown> | null = null;

  constructor(
    private readonly config: AppConfig,
    @Inject(CONSUME_QUEUES) readonly consuming: boolean,
    private readonly redisStatus: RedisStatus,
  ) {}

  /** Called by a processor in its constructor; one handler per queue. */
  register(queue: QueueName, handler: JobHandler, options: HandlerOptions = {}): void {
    if (this.handlers.has(queue)) throw new Error(`queue ${queue} already has a handler`);
    this.handlers.set(queue, { handler, ...options });
  }

  /**
   * A periodic scan: `run` handles the queue one job at a time, and a BullMQ job scheduler adds
   * a `job` at each `pattern` (cron, Asia/Tokyo). Upserting the scheduler is idempotent, so every
   * consuming process does it at start. A scan that throws is logged, naming the scheduler, and
   * tried again (PERIODIC_ATTEMPTS): nothing else would say that the day's emails were not written.
   */
  registerPeriodic(
    queue: Queue,
    schedule: { scheduler: string; pattern: string; job: string },
    run: () => Promise<unknown>,
  ): void {
    const scan = async (job: Job) => {
      try {
        return await run();
      } catch (error) {
        const tries = job.opts.attempts ?? 1;
        const tryNumber = job.attemptsMade + 1;
        const next =
          tryNumber < tries
            ? `tried again in ${Math.round((PERIODIC_RETRY_BASE_MS * 2 ** (tryNumber - 1)) / 1000)} s`
            : 'no more tries: it runs again at its next scheduled time';
        this.logger.error(
          `${schedule.scheduler} scan (${queue.name} job ${job.id}) failed, try ${tryNumber} of ${tries}; ${next}: ` +
            ((error as Error).stack ?? String(error)),
        );
        throw error;
      }
    };
    this.register(queue.name as QueueName, scan, { concurrency: 1 });
    const upsert = async () => {
      await queue.upsertJobScheduler(
        schedule.scheduler,
        { pattern: schedule.pattern, tz: TOKYO },
        {
          name: schedule.job,
          opts: {
            attempts: PERIODIC_ATTEMPTS,
            backoff: { type: 'exponential', delay: PERIODIC_RETRY_BASE_MS },
            removeOnComplete: true,
            removeOnFail: 100,
          },
        },
      );
    };
    this.schedulers.push(upsert);
    this.onStart(upsert);
  }

  /** Work that belongs to consuming processes only (poll loops, job schedulers). */
  onStart(hook: () => Promise<void> | void): void {
    this.startHooks.push(hook);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.consuming) return;
    for (const [queue, { handler, concurrency }] of this.handlers) {
      const worker = new Worker(queue, (job, token) => this.track(queue, handler, job, token), {
        connection: { url: this.config.REDIS_URL },
        prefix: this.config.QUEUE_PREFIX,
        concurrency: concurrency ?? this.config.WORKER_CONCURRENCY,
        lockDuration: this.config.QUEUE_LOCK_MS,
        stalledInterval: this.config.QUEUE_LOCK_MS,
        // A job is "stalled" when its worker died; it must be retried however often that happens.
        maxStalledCount: 1000,
      });
      worker.on('error', (error) => this.redisStatus.report(`${queue} worker`, error));
      this.workers.push(worker);
    }
    // A Redis that restarted without its data has lost the schedulers along with the queues.
    this.redisStatus.onRecovered(async () => {
      for (const upsert of this.schedulers) await upsert();
    });
    for (const hook of this.startHooks) await hook();
  }

  private async track(queue: QueueName, handler: JobHandler, job: Job, token?: string): Promise<unknown> {
    const key = `${queue}/${job.id}`;
    this.running.set(key, { queue, job, token });
    try {
      return await handler(job, token);
    } finally {
      if (this.handingBack) await this.handingBack;
      this.running.delete(key);
    }
  }

  /**
   * On SIGTERM, before the database, SMTP and Redis connections close (onApplicationShutdown):
   * take no new jobs and let the running ones finish, for up to SHUTDOWN_GRACE_MS. An email takes
   * a moment; a matching or scheduling run may not. What is still running then is handed back to
   * its queue, where another worker takes it at once (rather than after QUEUE_LOCK_MS), and the
   * process exits: its own copies of those jobs must not go on writing to rows that another worker
   * now owns. The run's row stays RUNNING, which the next worker accepts and starts over. In the
   * HTTP service (WORKER_IN_PROCESS), the HTTP server has already stopped taking requests and
   * answered those in flight by then (Apollo's drain, in onModuleDestroy), so the exit cuts none.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.workers.length === 0) return;
    const grace = this.config.SHUTDOWN_GRACE_MS;
    this.logger.log(
      `stopping${signal ? ` on ${signal}` : ''}: taking no new jobs, waiting up to ${grace} ms for the ${this.running.size} running`,
    );
    const closed = Promise.all(this.workers.map((worker) => worker.close()));
    const finished = await Promise.race([closed.then(() => true), sleep(grace, false, { ref: false })]);
    if (finished) {
      this.logger.log('stopped taking jobs: every job this process held has finished');
      return;
    }
    const unfinished = [...this.running.values()];
    if (unfinished.length === 0) {
      this.logger.warn(`the queue connections did not close within ${grace} ms (is Redis reachable?)`);
      return;
    }
    this.handingBack = this.handBack(unfinished);
    await this.handingBack;
    this.logger.warn(
      `handed ${unfinished.length} unfinished jobs back to their queues after ${grace} ms: ` +
        unfinished.map(({ queue, job }) => `${queue} ${job.id}`).join(', '),
    );
    // Without a signal the application is being closed by its owner (a test), which goes on.
    if (signal) process.exit(0);
  }

  /** Releases what the jobs hold, so that whoever takes them next can start at once, then moves them back. */
  private async handBack(unfinished: { queue: QueueName; job: Job; token?: string }[]): Promise<void> {
    for (const [queue, { handBack }] of this.handlers) {
      const jobs = unfinished.filter((entry) => entry.queue === queue).map((entry) => entry.job);
      if (!handBack || jobs.length === 0) continue;
      await handBack(jobs).catch((error: Error) =>
        this.logger.warn(`could not release the ${queue} jobs handed back: ${error.message}`),
      );
    }
    await Promise.all(
      unfinished.map(({ job, token }) =>
        job.moveToWait(token).catch((error: Error) => {
          // Its lock runs out after QUEUE_LOCK_MS and the job is taken over then.
          this.logger.warn(`could not hand back ${job.queueName} job ${job.id}: ${error.message}`);
        }),
      ),
    );
  }
}
