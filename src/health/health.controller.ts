import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { QueueHealth, REDIS_UNREACHABLE, unservedProblem } from '../queue/queue-health';
import { REDIS } from '../redis/redis.module';

type Check = 'up' | 'down';

/**
 * For load balancers and the engineer on call. 503 only when Postgres does not answer: nothing
 * works without it. Without Redis, or with jobs waiting and no worker connected to run them, the
 * API still serves (what needs the queue waits in the outbox or in its queue), so the answer is 200
 * `degraded`: a load balancer keeps the service, and `problems` says in words what is wrong.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: QueueHealth,
  ) {}

  @Get()
  @Public()
  async health(@Res() response: Response): Promise<void> {
    const [database, redis] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(() => this.redis.ping()),
    ]);
    const problems: string[] = [];
    if (database === 'down')
      problems.push('PostgreSQL cannot be reached (DATABASE_URL): nothing works without it');
    if (redis === 'down') {
      problems.push(`${REDIS_UNREACHABLE}: queued work and emails wait until it is back`);
    } else {
      const unserved = await withTimeout(this.queues.unserved(), 2000).catch(() => []);
      if (unserved.length > 0) problems.push(unservedProblem(unserved));
    }
    const status = database === 'down' ? 'unavailable' : problems.length > 0 ? 'degraded' : 'ok';
    response.status(database === 'up' ? 200 : 503).json({ status, database, redis, problems });
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(probe(), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
