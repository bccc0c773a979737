import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DeliverMailPayload, QueueName } from '../queue/queue-names';
import { queueReady } from '../queue/queue-ready';
import { QueueWorkers } from '../queue/queue-workers';
import { isConnectionError, RedisStatus } from '../redis/redis-status';
import { MAIL_JOB_ROWS, mailJob } from './mail-jobs';

const BATCH = 1000;
/** The first batch of a pass is small, so the first emails leave while the rest is handed over. */
const FIRST_BATCH = 100;

/**
 * Moves outbox rows into the mail queues (mailJob): a campaign's MAIL_JOB_ROWS to a job,
 * transactional rows one to a job in their own queue. A row is handed over by one relay at a time
 * (its row lock, then `enqueued_at`), however many relays run. Runs right after a
 * commit that wrote rows (kick) and on a poll loop in consuming processes, which also recovers
 * rows whose hand-over was lost: a crash between commit and kick, a Redis restart, a sender that
 * died with the row `sending`.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.MAIL) private readonly bulk: Queue<DeliverMailPayload>,
    @InjectQueue(QueueName.MAIL_TRANSACTIONAL) private readonly transactional: Queue<DeliverMailPayload>,
    private readonly config: AppConfig,
    private readonly redisStatus: RedisStatus,
    workers: QueueWorkers,
  ) {
    workers.onStart(() => this.startPolling());
  }

  /** Relay now (debounced: a pass already running makes one more pass). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Relays until nothing is left; answers how many rows were handed to the queue. */
  async drain(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      try {
        let limit = FIRST_BATCH;
        let count: number;
        do {
          count = await this.relayBatch(limit);
          total += count;
          if (count < limit) break;
          limit = BATCH;
        } while (!this.stopped);
      } catch (error) {
        // Redis or Postgres away: the next poll tries again. Redis being away is logged once.
        if (isConnectionError(error)) this.redisStatus.report('outbox relay', error as Error);
        else this.logger.warn(`outbox relay: ${(error as Error).message}`);
      }
    } while (this.again && !this.stopped);
    return total;
  }

  private async relayBatch(limit: number): Promise<number> {
    // Before locking any row: a Redis never reached would otherwise keep them locked.
    await Promise.all([queueReady(this.transactional), queueReady(this.bulk)]);
    return this.dataSource.transaction(async (manager) => {
      // SKIP LOCKED: parallel relays split the rows instead of queuing behind each other.
      const rows: { id: string; transactional: boolean }[] = await manager.query(
        `SELECT id, transactional FROM outbox_messages
          WHERE is_open
            AND ((status = 'PENDING' AND (enqueued_at IS NULL OR enqueued_at < now() - $1 * interval '1 millisecond'))
              OR (status = 'SENDING' AND lease_expires_at < now() - $1 * interval '1 millisecond'))
          ORDER BY created_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_REENQUEUE_AFTER_MS],
      );
      if (rows.length === 0) return 0;
      const transactional = rows.filter((row) => row.transactional).map((row) => row.id);
      const bulk = rows.filter((row) => !row.transactional).map((row) => row.id);
      // The mail someone is waiting for first, one row to a job: a sign-in link does not wait for
      // a campaign, nor for another link.
      if (transactional.length > 0)
        await this.transactional.addBulk(transactional.map((id) => mailJob(this.config, [id])));
      if (bulk.length > 0) {
        const jobs = [];
        for (let start = 0; start < bulk.length; start += MAIL_JOB_ROWS)
          jobs.push(mailJob(this.config, bulk.slice(start, start + MAIL_JOB_ROWS)));
        await this.bulk.addBulk(jobs);
      }
      await manager.query(`UPDATE outbox_messages SET enqueued_at = now() WHERE id = ANY($1)`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private startPolling(): void {
    const poll = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(poll, this.config.OUTBOX_POLL_MS);
    };
    poll();
  }

  /** Stops before the queues and the database close: a pass in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
