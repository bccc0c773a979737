import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const QUERY_CHARS = 300;

/**
 * TypeORM's own loggers print a failed statement with its parameters: participants' names and
 * addresses, token and password hashes. This one names the statement, the error and its
 * Postgres code, and only counts the parameters.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const message = typeof error === 'string' ? error : error.message;
    const code = typeof error === 'string' ? undefined : (error as { code?: string }).code;
    const statement = query.replace(/\s+/g, ' ').trim();
    this.logger.error(
      `query failed${code ? ` (${code})` : ''}: ${message} — ${statement.slice(0, QUERY_CHARS)}${
        statement.length > QUERY_CHARS ? '…' : ''
      } [${parameters?.length ?? 0} parameters not logged]`,
    );
  }

  logQuery(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
