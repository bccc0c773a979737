import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './app-setup';
import { AppConfig, ConfigValidationError, loadConfig, loadDotEnv } from './config/app-config';

async function bootstrap(): Promise<void> {
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    // A wrong or missing variable stops the start, naming it, before anything connects anywhere.
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = configureHttp(
    await NestFactory.create<NestExpressApplication>(AppModule, { logger: loggerLevels(config.LOG_LEVEL) }),
  );
  await app.listen(config.PORT);
  console.log(
    `Tsunagu listening on port ${config.PORT}: GraphQL at /graphql, links in emails use ${config.PUBLIC_URL}`,
  );
}

function loggerLevels(level: AppConfig['LOG_LEVEL']) {
  const order = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1) as unknown as ('error' | 'warn' | 'log')[];
}

void bootstrap();
