import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DeliverMailPayload, MailJob, QueueName } from '../queue/queue-names';
import { queueReady } from '../queue/queue-ready';
import { QueueWorkers } from '../queue/queue-workers';
import { isConnectionError, RedisStatus } from '../redis/redis-status';

const BATCH = 1000;
/** The first batch of a pass is small, so the first emails leave while the rest is handed over. */
const FIRST_BATCH = 100;

/**
 * Moves outbox rows into the mail queues, job id = row id (so a row is queued at most once at a
 * time, however many relays run); transactional rows go to their own queue. Runs right after a
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
      const transactional = rows.filter((row) => row.transactional);
      const bulk = rows.filter((row) => !row.transactional);
      // The mail someone is waiting for first: a sign-in link does not wait for a campaign.
      if (transactional.length > 0)
        await this.transactional.addBulk(transactional.map((row) => this.job(row.id)));
      if (bulk.length > 0) await this.bulk.addBulk(bulk.map((row) => this.job(row.id)));
      await manager.query(`UPDATE outbox_messages SET enqueued_at = now() WHERE id = ANY($1)`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private job(outboxMessageId: string) {
    return {
      name: MailJob.DELIVER,
      data: { outboxMessageId },
      opts: {
        jobId: outboxMessageId,
        attempts: this.config.MAIL_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.MAIL_RETRY_BASE_MS },
        // The row keeps the record; a finished job only blocks a later re-queue of its id.
        removeOnComplete: true,
        removeOnFail: true,
      },
    };
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
