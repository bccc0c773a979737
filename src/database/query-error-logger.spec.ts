import { Logger } from '@nestjs/common';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger', () => {
  it('names the failed statement and its error, never its parameters', () => {
    const lines: string[] = [];
    jest.spyOn(Logger.prototype, 'debug').mockImplementation((message: unknown) => {
      lines.push(String(message));
    });
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: '23505',
      },
    );
    new QueryErrorLogger().logQueryError(
      error,
      'INSERT INTO "users"("email", "password_hash")\n   VALUES ($1, $2)',
      ['organizer@example.jp', '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0'],
    );
    expect(lines).toEqual([
      'query failed (23505): duplicate key value violates unique constraint "users_email_key" — ' +
        'INSERT INTO "users"("email", "password_hash") VALUES ($1, $2) [2 parameters not logged]',
    ]);
    jest.restoreAllMocks();
  });

  it('logs a refusal the service answers (a unique violation) at debug, anything else as an error', () => {
    const errors: string[] = [];
    const debug: string[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      errors.push(String(message));
    });
    jest.spyOn(Logger.prototype, 'debug').mockImplementation((message: unknown) => {
      debug.push(String(message));
    });
    const logger = new QueryErrorLogger();
    logger.logQueryError(Object.assign(new Error('conflicting key value'), { code: '23P01' }), 'INSERT 1');
    logger.logQueryError(
      Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }),
      'SELECT 2',
    );
    expect(debug).toHaveLength(1);
    expect(errors).toEqual([expect.stringContaining('query failed (42P01)')]);
    jest.restoreAllMocks();
  });
});
