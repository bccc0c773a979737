import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
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
        connection: { url: config.REDIS_URL },
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
      ],
      exports: [queues, QueueWorkers],
    };
  }
}
