import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobType, Queue } from 'bullmq';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { AppConfig } from '../config/app-config';
import { QueueHealth, REDIS_UNREACHABLE, unservedProblem } from '../queue/queue-health';
import { QueueName } from '../queue/queue-names';
import { OutboxFailure } from './outbox-status';
import { REFUSED_PREFIX } from './send-failure';

const MAIL_QUEUES: string[] = [QueueName.MAIL, QueueName.MAIL_TRANSACTIONAL];

/** Longer than this without a hand-over to the queue, a new outbox row means the relay is not running. */
const HAND_OVER_GRACE_MS = 60_000;

interface OutboxFigures {
  pending: number;
  sending: number;
  expired_leases: number;
  not_handed_over: number;
  oldest_pending_seconds: number | null;
  retrying: number;
  refused: number;
  last_error: string | null;
}

/** From this many waiting emails, all of them failed at least once means the mail server, not a mailbox. */
const FAILING_FROM = 3;

/**
 * How far back recentFailures looks: whoever looks the next morning still sees what failed the
 * day before, after those rows have closed and left the figures above.
 */
const RECENT_FAILURES_HOURS = 24;

interface FailureFigures {
  failure: OutboxFailure;
  count: number;
  last_at: Date;
  last_error: string | null;
}

/**
 * For the engineer on call: is email flowing? The open outbox rows as Postgres holds them, the
 * mail queues as Redis holds them, and how many workers consume them. 503 `stalled` when emails wait
 * and nothing will send them: no worker on the mail queue, rows the relay has not handed over
 * for far longer than its poll interval, or every waiting email failing at the mail server. (`/health` answers only whether the service's own
 * dependencies are up; a load balancer should not take the API away because the worker is down.)
 * Beside them, what failed for good in the last day (`recentFailures`), which stalls nothing and so
 * changes neither the status nor the problems, but would otherwise be seen nowhere once closed.
 */
@Controller('health')
export class MailHealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.MAIL) private readonly bulk: Queue,
    @InjectQueue(QueueName.MAIL_TRANSACTIONAL) private readonly transactional: Queue,
    private readonly config: AppConfig,
    private readonly queueHealth: QueueHealth,
  ) {}

  @Get('mail')
  @Public()
  async mail(@Res() response: Response): Promise<void> {
    let outbox: OutboxFigures;
    let failures: FailureFigures[];
    try {
      [[outbox], failures] = await withTimeout(
        Promise.all([this.openFigures(), this.recentFailures()]),
        'PostgreSQL',
      );
    } catch {
      response.status(503).json({
        status: 'down',
        problems: ['PostgreSQL cannot be reached (DATABASE_URL): the outbox cannot be read'],
      });
      return;
    }

    const problems: string[] = [];
    const open = outbox.pending + outbox.sending;
    // Redis away: the outbox still says how much waits; the rows go out once it is back.
    let queue: { waiting: number; active: number; delayed: number; workers: number } | null = null;
    try {
      const [counts, workers] = await withTimeout(
        Promise.all([
          this.jobCounts(),
          // Every worker process consumes both mail queues; one without workers means no sender.
          Promise.all([this.bulk.getWorkersCount(), this.transactional.getWorkersCount()]).then((both) =>
            Math.min(...both),
          ),
        ]),
        'Redis',
      );
      queue = {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        workers,
      };
    } catch {
      // A refused connection, a stream not writeable, a timeout: the library's words differ, the
      // engineer's next step does not.
      problems.push(`${REDIS_UNREACHABLE}: ${open} emails wait in the outbox and go out once it is back`);
    }
    if (queue && open > 0 && queue.workers === 0) {
      problems.push(
        `${open} emails are waiting and no worker consumes the mail queue (npm run start:worker)`,
      );
    }
    // What else waits for a worker (a matching or scheduling run): told here too, as the same cause.
    if (queue && queue.workers === 0) {
      const others = await withTimeout(this.queueHealth.unserved(), 'Redis').catch(() => []);
      const notMail = others.filter((entry) => !MAIL_QUEUES.includes(entry.queue));
      if (notMail.length > 0) problems.push(unservedProblem(notMail));
    }
    if (outbox.not_handed_over > 0) {
      problems.push(
        `${outbox.not_handed_over} outbox rows were never handed to the queue: the relay is not running or cannot reach Redis`,
      );
    }
    // The raw error can name a recipient's address, and this page is public: its code only.
    const lastError = outbox.last_error && errorCode(outbox.last_error);
    // A relay that refuses us (5.7.1 relaying denied, authentication, policy) refuses everyone:
    // said as such, since those emails would otherwise fail one by one and look like bad addresses.
    if (outbox.refused >= FAILING_FROM) {
      problems.push(
        `${outbox.refused} waiting emails were refused by the mail server for a reason other than their address (last error: ${lastError}): ` +
          'it does not accept our email (relaying, sign-in or policy: check SMTP_URL and the mail provider). ' +
          'They are tried again, then marked failed for resendFailedEmails; no address was suppressed',
      );
    } else if (outbox.retrying >= FAILING_FROM && outbox.retrying === outbox.pending) {
      // One mailbox that is full is that recipient's matter; every waiting email failing is the server.
      problems.push(
        `all ${outbox.pending} waiting emails failed at their last try and wait to be retried: the mail server refuses them or cannot be reached (last error: ${lastError})`,
      );
    }
    response.status(problems.length > 0 ? 503 : 200).json({
      status: problems.length > 0 ? 'stalled' : 'ok',
      problems,
      outbox: {
        pending: outbox.pending,
        sending: outbox.sending,
        expiredLeases: outbox.expired_leases,
        notHandedOver: outbox.not_handed_over,
        oldestPendingSeconds:
          outbox.oldest_pending_seconds === null ? null : Math.round(outbox.oldest_pending_seconds),
        retrying: outbox.retrying,
        refused: outbox.refused,
        lastError,
      },
      queue,
      // Past failures stall nothing: they are told here, not in problems or the status.
      recentFailures: {
        hours: RECENT_FAILURES_HOURS,
        refused: failuresOf(failures, OutboxFailure.REFUSED),
        bounced: failuresOf(failures, OutboxFailure.BOUNCED),
        gaveUp: failuresOf(failures, OutboxFailure.GAVE_UP),
      },
    });
  }

  /** The open outbox rows: the partial index on is_open keeps this cheap however many rows were ever sent. */
  private openFigures(): Promise<OutboxFigures[]> {
    return this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'SENDING')::int AS sending,
              count(*) FILTER (WHERE status = 'SENDING' AND lease_expires_at < now())::int AS expired_leases,
              count(*) FILTER (WHERE status = 'PENDING' AND enqueued_at IS NULL
                                 AND created_at < now() - $1 * interval '1 millisecond')::int AS not_handed_over,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING'))::float8
                AS oldest_pending_seconds,
              count(*) FILTER (WHERE status = 'PENDING' AND last_error IS NOT NULL)::int AS retrying,
              count(*) FILTER (WHERE status = 'PENDING' AND starts_with(last_error, $2))::int AS refused,
              (array_agg(last_error ORDER BY updated_at DESC) FILTER (WHERE last_error IS NOT NULL))[1]
                AS last_error
         FROM outbox_messages
        WHERE is_open`,
      [this.config.OUTBOX_POLL_MS * 2 + HAND_OVER_GRACE_MS, REFUSED_PREFIX],
    );
  }

  /**
   * The emails given up in the last RECENT_FAILURES_HOURS and not sent again since, by why. Counted
   * from idx_outbox_messages_failed, which holds only failed rows however many were ever sent; only
   * the last row of each kind is read for its error (an ordered aggregate over a bad day's 10,000
   * refusals would read and sort them all).
   */
  private recentFailures(): Promise<FailureFigures[]> {
    return this.dataSource.query(
      `WITH recent AS (
         SELECT failure, count(*)::int AS count, max(failed_at) AS last_at
           FROM outbox_messages
          WHERE failed_at > now() - $1 * interval '1 hour'
          GROUP BY failure)
       SELECT recent.*,
              (SELECT last_error FROM outbox_messages m
                WHERE m.failed_at = recent.last_at AND m.failure = recent.failure LIMIT 1) AS last_error
         FROM recent`,
      [RECENT_FAILURES_HOURS],
    );
  }

  /** Jobs by state, both mail queues together. */
  private async jobCounts(): Promise<Record<string, number>> {
    const states: JobType[] = ['waiting', 'active', 'delayed', 'prioritized'];
    const [bulk, transactional] = await Promise.all([
      this.bulk.getJobCounts(...states),
      this.transactional.getJobCounts(...states),
    ]);
    return Object.fromEntries(
      states.map((state) => [state, (bulk[state] ?? 0) + (transactional[state] ?? 0)]),
    );
  }
}

/** One kind of recent failure: how many, the last one's time and its error as a code (the page is public). */
function failuresOf(figures: FailureFigures[], failure: OutboxFailure) {
  const found = figures.find((row) => row.failure === failure);
  return {
    count: found?.count ?? 0,
    lastAt: found?.last_at ?? null,
    lastError: found?.last_error ? errorCode(found.last_error) : null,
  };
}

/** A health check answers within a few seconds whatever is down. */
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `ECONNREFUSED`, `SMTP 450`, `SMTP 550 5.7.1`…: what kind of failure, with the enhanced status code
 * (RFC 3463) when the server sent one, without the text around it.
 */
function errorCode(raw: string): string {
  const reply = /\b([45]\d\d)(?:[ -]([45]\.\d{1,3}\.\d{1,3}))?\b/.exec(raw);
  const errno = /\bE[A-Z]{3,}\b/.exec(raw)?.[0];
  if (errno && errno !== 'EENVELOPE') return errno;
  if (!reply) return errno ?? 'other';
  return reply[2] ? `SMTP ${reply[1]} ${reply[2]}` : `SMTP ${reply[1]}`;
}
