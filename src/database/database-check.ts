import { Client } from 'pg';
import { StartupError } from '../common/lifecycle/process-lifecycle';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactUrl } from '../common/logging/redact';

/** The database is still starting, or not listening yet: worth waiting for. */
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03']);

export interface DatabaseCheckOptions {
  /** How long to keep trying while the database is starting (a container started beside it). */
  waitMs?: number;
  retryEveryMs?: number;
  /** One line per failed try. */
  log?: (line: string) => void;
}

/**
 * Connects once before the application starts, so a wrong DATABASE_URL stops the start with one
 * line naming it (not a stack trace every 3 s for half a minute). A database that refuses
 * connections is waited for up to `waitMs`; a wrong host, user, password or database name is not.
 */
export async function checkDatabase(url: string, options: DatabaseCheckOptions = {}): Promise<void> {
  const { waitMs = 30_000, retryEveryMs = 2_000, log = () => undefined } = options;
  const where = `PostgreSQL at ${redactUrl(url)} (DATABASE_URL)`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const reason = describe(error);
      if (!TRANSIENT.has(code)) throw new StartupError(`${where}: ${reason}`);
      if (Date.now() + retryEveryMs > deadline)
        throw new StartupError(`${where} did not answer within ${Math.round(waitMs / 1000)} s: ${reason}`);
      log(`waiting for ${where}: ${reason}`);
      await sleep(retryEveryMs);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** pg's message, or the code when the message is empty (several addresses refused: AggregateError). */
function describe(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  if (message && code && !message.includes(code)) return `${message} (${code})`;
  return message || code || String(error);
}
