import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from './redis.constants';
import { RedisStatus } from './redis-status';

export { REDIS } from './redis.constants';

/**
 * One shared Redis connection for health checks, and RedisStatus, which every Redis connection of
 * the process reports its errors to. (Counters that must hold while Redis is away, such as the
 * sign-in rate limit, are kept in Postgres.)
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }),
    },
    RedisStatus,
  ],
  exports: [REDIS, RedisStatus],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
