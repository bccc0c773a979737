import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './app-setup';
import {
  exitOnStartupFailure,
  logAndBoundShutdown,
  StartupError,
} from './common/lifecycle/process-lifecycle';
import { loadConfigOrExit, loggerLevels } from './config/app-config';
import { checkDatabase } from './database/database-check';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new Logger('Tsunagu');
  await checkDatabase(config.DATABASE_URL, { log: (line) => logger.warn(line) });
  const app = configureHttp(
    await NestFactory.create<NestExpressApplication>(AppModule, {
      logger: loggerLevels(config.LOG_LEVEL),
      abortOnError: false,
    }),
  );
  logAndBoundShutdown(logger, config.SHUTDOWN_GRACE_MS);
  try {
    await app.listen(config.PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new StartupError(`port ${config.PORT} (PORT) is already in use`);
    throw error;
  }
  console.log(
    `Tsunagu listening on port ${config.PORT}: GraphQL at /graphql, links in emails use ${config.PUBLIC_URL}`,
  );
}

bootstrap().catch((error) => exitOnStartupFailure('Tsunagu', error));
