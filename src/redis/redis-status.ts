import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redactUrl } from '../common/logging/redact';
import { REDIS } from './redis.constants';

/** While Redis is away, how often this process checks whether it is back. */
const PROBE_EVERY_MS = 2_000;
/** While Redis is away, how often the log says so again. */
const REMIND_EVERY_MS = 60_000;

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** An error that only says "Redis cannot be reached", as opposed to one about a command or a job. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  return /Connection is closed|Stream isn't writeable|max retries per request|Reached the max retries/i.test(
    error.message,
  );
}

/**
 * Whether this process can reach Redis, for the log. Every Redis connection of the process (the
 * shared client, each queue, each queue worker) reports its errors here. ioredis retries a lost
 * connection every second or so, on each of a dozen connections, each retry an error: left to
 * themselves they print a stack trace every few milliseconds. Instead the log gets one line when
 * Redis goes away, a reminder each minute, and one line when it is back; other errors pass through.
 */
@Injectable()
export class RedisStatus implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private downSince: number | null = null;
  private errorsSinceLine = 0;
  private lastLineAt = 0;
  private probe: NodeJS.Timeout | null = null;
  private readonly recoveredListeners: (() => Promise<void> | void)[] = [];
  private stopped = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    redis.on('error', (error: Error) => this.report('connection', error));
  }

  get reachable(): boolean {
    return this.downSince === null;
  }

  /** Work to redo once Redis is back (it may have come back empty). */
  onRecovered(listener: () => Promise<void> | void): void {
    this.recoveredListeners.push(listener);
  }

  /** An error from one of this process's Redis connections; `source` says which. */
  report(source: string, error: Error): void {
    if (!isConnectionError(error)) {
      this.logger.warn(`${source}: ${error.message}`);
      return;
    }
    if (this.stopped) return;
    const now = Date.now();
    if (this.downSince === null) {
      this.downSince = now;
      this.errorsSinceLine = 0;
      this.lastLineAt = now;
      this.logger.error(
        `Redis at ${redactUrl(this.config.REDIS_URL)} (REDIS_URL) is unreachable (${source}): ${error.message}. ` +
          'Queued jobs wait and emails stay in the outbox until it is back; GraphQL that does not need Redis keeps working.',
      );
      this.startProbing();
      return;
    }
    this.errorsSinceLine += 1;
    if (now - this.lastLineAt >= REMIND_EVERY_MS) {
      this.logger.error(
        `Redis still unreachable after ${Math.round((now - this.downSince) / 1000)} s (${this.errorsSinceLine} connection errors since the last line): ${error.message}`,
      );
      this.errorsSinceLine = 0;
      this.lastLineAt = now;
    }
  }

  private startProbing(): void {
    if (this.probe) return;
    const tick = async () => {
      if (this.stopped) return;
      if (await this.answers()) {
        const seconds = Math.round((Date.now() - (this.downSince ?? Date.now())) / 1000);
        this.downSince = null;
        this.probe = null;
        this.logger.log(`Redis is reachable again after ${seconds} s`);
        for (const listener of this.recoveredListeners) await this.retry(listener);
        return;
      }
      this.probe = setTimeout(() => void tick(), PROBE_EVERY_MS);
    };
    this.probe = setTimeout(() => void tick(), PROBE_EVERY_MS);
  }

  /** Each connection reconnects on its own schedule: the one a listener uses may be a moment behind. */
  private async retry(listener: () => Promise<void> | void): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await listener();
        return;
      } catch (error) {
        if (attempt >= 10 || this.stopped) {
          this.logger.warn(`after reconnecting: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
      }
    }
  }

  private async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PROBE_EVERY_MS);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.probe) clearTimeout(this.probe);
  }
}
