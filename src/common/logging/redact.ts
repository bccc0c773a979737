/**
 * A connection URL as it may appear in a log: the password replaced, so REDIS_URL, DATABASE_URL
 * or SMTP_URL can be named without handing out what is in them.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // `user:secret@host` parses too, with `user:` as its scheme: no host, so not a URL we print.
    if (!parsed.host) return '(not a URL)';
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}
