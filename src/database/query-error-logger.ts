import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const QUERY_CHARS = 300;

/**
 * Unique and exclusion violations (a second request for the same pair, two placements in one
 * slot): the database refusing a double booking, which the service turns into an answer for
 * the caller. They are expected under concurrency, so they are logged at debug, not as errors.
 */
const REFUSALS = new Set(['23505', '23P01']);

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
    const line = `query failed${code ? ` (${code})` : ''}: ${message} — ${statement.slice(0, QUERY_CHARS)}${
      statement.length > QUERY_CHARS ? '…' : ''
    } [${parameters?.length ?? 0} parameters not logged]`;
    if (code && REFUSALS.has(code)) this.logger.debug(line);
    else this.logger.error(line);
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
