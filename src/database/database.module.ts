import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { MigratingDataSource } from './migrating-data-source';
import { QueryErrorLogger } from './query-error-logger';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        databaseOptions(config.DATABASE_URL, {
          migrationsRun: config.RUN_MIGRATIONS,
          poolSize: config.DATABASE_POOL_SIZE,
          connectTimeoutMS: config.DATABASE_POOL_WAIT_MS,
          logging: ['error', 'warn', 'migration'],
          logger: new QueryErrorLogger(),
        }),
      // RUN_MIGRATIONS runs them inside initialize(), under the migration lock.
      dataSourceFactory: (options) => new MigratingDataSource(options!).initialize(),
    }),
  ],
})
export class DatabaseModule {}
