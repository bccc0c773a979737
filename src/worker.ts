import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, logAndBoundShutdown } from './common/lifecycle/process-lifecycle';
import { loadConfigOrExit, loggerLevels } from './config/app-config';
import { checkDatabase } from './database/database-check';
import { WorkerModule } from './worker.module';

/**
 * The queue worker: a Nest application context without HTTP that consumes every queue and runs
 * the outbox relay. Run as many copies as needed (`npm run start:worker`).
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new Logger('Worker');
  await checkDatabase(config.DATABASE_URL, { log: (line) => logger.warn(line) });
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: loggerLevels(config.LOG_LEVEL),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  logAndBoundShutdown(logger, config.SHUTDOWN_GRACE_MS);
  logger.log(`Tsunagu worker consuming queues (prefix ${config.QUEUE_PREFIX})`);
}

bootstrap().catch((error) => exitOnStartupFailure('Tsunagu worker', error));
