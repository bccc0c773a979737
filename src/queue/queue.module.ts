import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { RedisStatus } from '../redis/redis-status';
import { QueueHealth } from './queue-health';
import { ALL_QUEUES } from './queue-names';
import { CONSUME_QUEUES, QueueWorkers } from './queue-workers';

export interface QueueModuleOptions {
  /** Consume jobs in this process; by default AppConfig.WORKER_IN_PROCESS decides. */
  consume?: boolean;
}

/**
 * BullMQ on Redis, with every queue registered once so any feature can inject any queue
 * (`@InjectQueue(QueueName.MAIL)`), and the workers of this process (QueueWorkers).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    const bull = BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Producers (a GraphQL request starting a run, the outbox relay, /health/mail) fail at once
        // while Redis is away instead of waiting minutes for it: the run is marked failed, the
        // relay tries again at its next poll. Workers have connections of their own that wait.
        connection: { url: config.REDIS_URL, enableOfflineQueue: false },
        prefix: config.QUEUE_PREFIX,
      }),
    });
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [bull, queues],
      providers: [
        {
          provide: CONSUME_QUEUES,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => options.consume ?? config.WORKER_IN_PROCESS,
        },
        QueueWorkers,
        {
          provide: QueueHealth,
          inject: ALL_QUEUES.map((name) => getQueueToken(name)),
          useFactory: (...queues: Queue[]) => new QueueHealth(queues),
        },
        {
          // Without a listener, each queue prints every reconnection error with its stack.
          provide: 'QUEUE_ERRORS_REPORTED',
          inject: [RedisStatus, ...ALL_QUEUES.map((name) => getQueueToken(name))],
          useFactory: (status: RedisStatus, ...queues: Queue[]) => {
            for (const queue of queues)
              queue.on('error', (error) => status.report(`${queue.name} queue`, error));
            return true;
          },
        },
      ],
      exports: [queues, QueueWorkers, QueueHealth],
    };
  }
}
