import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, loggerLevels } from './config/app-config';
import { WorkerModule } from './worker.module';

/**
 * The queue worker: a Nest application context without HTTP that consumes every queue and runs
 * the outbox relay. Run as many copies as needed (`npm run start:worker`).
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: loggerLevels(config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Tsunagu worker consuming queues (prefix ${config.QUEUE_PREFIX})`);
}

void bootstrap();
