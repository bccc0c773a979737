import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { REDIS } from '../redis/redis.module';

type Check = 'up' | 'down';

/**
 * For load balancers and the engineer on call. 503 only when Postgres does not answer: nothing
 * works without it. Without Redis the API still serves (what needs the queue waits in the outbox
 * or is refused at once), so the answer is 200 `degraded`: a load balancer keeps the service, and
 * the body says what is down.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  async health(@Res() response: Response): Promise<void> {
    const [database, redis] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(() => this.redis.ping()),
    ]);
    const status = database === 'down' ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok';
    response.status(database === 'up' ? 200 : 503).json({ status, database, redis });
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
