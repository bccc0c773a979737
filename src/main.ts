import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './app-setup';
import { loadConfigOrExit, loggerLevels } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = configureHttp(
    await NestFactory.create<NestExpressApplication>(AppModule, { logger: loggerLevels(config.LOG_LEVEL) }),
  );
  await app.listen(config.PORT);
  console.log(
    `Tsunagu listening on port ${config.PORT}: GraphQL at /graphql, links in emails use ${config.PUBLIC_URL}`,
  );
}

void bootstrap();
