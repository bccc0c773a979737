import 'reflect-metadata';
import { loadDatabaseConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { MigratingDataSource } from './migrating-data-source';

/** Entry point of the TypeORM CLI (`npm run migration:generate|run|revert`). */
export default new MigratingDataSource(databaseOptions(loadDatabaseConfig(process.env).DATABASE_URL));
