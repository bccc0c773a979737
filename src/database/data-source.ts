import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/** Entry point of the TypeORM CLI (`npm run migration:generate|run|revert`). */
export default new DataSource(databaseOptions(loadDatabaseConfig(process.env).DATABASE_URL));
