import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigValidationError, loadConfig, loadDotEnv } from './config/app-config';
import { WorkerModule } from './worker.module';

/**
 * The queue worker: a Nest application context without HTTP that consumes every queue and runs
 * the outbox relay. Run as many copies as needed (`npm run start:worker`).
 */
async function bootstrap(): Promise<void> {
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const order = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: order.slice(0, order.indexOf(config.LOG_LEVEL) + 1) as unknown as ('error' | 'warn' | 'log')[],
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Tsunagu worker consuming queues (prefix ${config.QUEUE_PREFIX})`);
}

void bootstrap();
