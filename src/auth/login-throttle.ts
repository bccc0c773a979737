import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuthErrors } from './auth.errors';

/**
 * Stops password guessing: after LOGIN_MAX_FAILURES wrong passwords in a row for one address,
 * login with it pauses until LOGIN_PAUSE_MINUTES after the last one. Each attempt is counted
 * before its password is checked, in one statement, so a burst of parallel guesses gets no more
 * tries than a patient one; a success clears the count. Attempts refused during the pause are not
 * counted, so an attacker cannot keep the account's owner out longer than one pause. Kept in
 * Postgres, so it holds while Redis is away.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Counts an attempt for `email`, or throws if login with it is paused. */
  async attempt(email: string): Promise<void> {
    // Counts that no longer matter go first, so guesses at many addresses leave nothing behind.
    await this.dataSource.query(
      `DELETE FROM login_failures WHERE last_failure_at < now() - $1 * interval '1 minute'`,
      [this.config.LOGIN_PAUSE_MINUTES],
    );
    const [row]: unknown[] = await this.dataSource.query(
      `INSERT INTO login_failures AS f (address_hash, failures, last_failure_at)
       VALUES ($1, 1, now())
       ON CONFLICT (address_hash) DO UPDATE SET
         failures = CASE WHEN f.last_failure_at > now() - $2 * interval '1 minute' THEN f.failures + 1 ELSE 1 END,
         last_failure_at = now()
       WHERE NOT (f.failures >= $3 AND f.last_failure_at > now() - $2 * interval '1 minute')
       RETURNING 1`,
      [addressHash(email), this.config.LOGIN_PAUSE_MINUTES, this.config.LOGIN_MAX_FAILURES],
    );
    // No row: the update's condition held back a paused address.
    if (!row) throw AuthErrors.tooManyFailures(this.config.LOGIN_PAUSE_MINUTES);
  }

  /**
   * The password was right, or a new one was set: the count starts again, and a pause ends. In
   * `manager`'s transaction when given.
   */
  async succeeded(email: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('DELETE FROM login_failures WHERE address_hash = $1', [addressHash(email)]);
  }
}

function addressHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
