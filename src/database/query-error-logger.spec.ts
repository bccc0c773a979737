import { Logger } from '@nestjs/common';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger', () => {
  it('names the failed statement and its error, never its parameters', () => {
    const lines: string[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
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
});
