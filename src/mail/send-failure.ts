/** How the sender treats a failed send. */
export type SendFailure =
  /** The mailbox does not exist or is disabled: give up and stop mailing the address. */
  | { kind: 'hard-bounce'; reason: string }
  /**
   * The server refuses the email for good, but not because of the address (relay not allowed,
   * authentication, policy, content): tried again as configured, then FAILED and resendable, and
   * nobody is suppressed. Usually every email fails this way: our side's problem.
   */
  | { kind: 'refused'; reason: string }
  /** Anything else (4xx, connection trouble): try again later. */
  | { kind: 'temporary'; reason: string };

/** What `lastError` of a refused email starts with: /health/mail counts them by it. */
export const REFUSED_PREFIX = 'refused by the mail server:';

interface SmtpError {
  message?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  code?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * A hard bounce is a permanent refusal (5xx, RFC 5321 §4.2.1) to RCPT TO or to the message data
 * that is about the mailbox itself. RFC 3463 says which through the enhanced status code's subject:
 *
 * - X.1.x addressing: 5.1.1 no such mailbox, 5.1.2 no such domain, 5.1.3 bad address syntax,
 *   5.1.4 ambiguous, 5.1.6 moved, 5.1.10 null MX (RFC 7505), 5.1.0 other address trouble. Not
 *   5.1.7/5.1.8, which are about our sender address.
 * - 5.2.1 mailbox disabled. Not 5.2.2 (full: it empties again), 5.2.3 (too long), 5.2.4 (a list).
 * - Everything else is not the recipient's: 5.7.x security or policy (relaying denied, SPF,
 *   authentication), 5.3.x the receiving system, 5.4.x routing, 5.5.x protocol, 5.6.x content.
 *
 * Without an enhanced code, a plain 550/551/553 to RCPT TO is a bounce only when its text says the
 * user or mailbox is unknown. Text about relaying is never a bounce, whatever code comes with it.
 * 5xx to other commands (MAIL FROM, AUTH 530/535) is our side's problem and retried like a temporary
 * failure. Suppressing by mistake costs a recipient every later email, so doubt means `refused`.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const smtp = (error ?? {}) as SmtpError;
  const rejected = smtp.rejectedErrors?.[0];
  const code = smtp.responseCode ?? rejected?.responseCode;
  const command = `${smtp.command ?? ''} ${rejected?.command ?? ''}`;
  const raw = String(smtp.message ?? error);
  const reason = raw.slice(0, 500);
  if (code === undefined || code < 500 || code >= 600 || !/RCPT|DATA|end of message/i.test(command)) {
    return { kind: 'temporary', reason };
  }
  const text = `${rejected?.response ?? ''} ${smtp.response ?? ''} ${raw}`;
  if (aboutTheMailbox(code, command, text)) return { kind: 'hard-bounce', reason };
  return { kind: 'refused', reason: `${REFUSED_PREFIX} ${raw}`.slice(0, 500) };
}

/** What ends an address in a server's text: a space, or the brackets and punctuation around one. */
const AROUND_ADDRESS = String.raw`\s<>()[\]"',;:`;

/** A character of an address as ADDRESS_PATTERN takes one. */
export const ADDRESS_CHARACTER = `[^${AROUND_ADDRESS}]`;

/**
 * Whatever looks like an address in a server's text: anything around an `@` up to a space or the
 * brackets and punctuation servers put around one, and never a sentence's full stop after it
 * (「… for kato@example.jp.」 forgets the address and keeps the full stop). The same pattern in
 * JavaScript and in Postgres's (ARE), for the mail log of an erased person
 * (forgetAddressesInMailLog).
 */
export const ADDRESS_PATTERN = `${ADDRESS_CHARACTER}+@${ADDRESS_CHARACTER}*[^${AROUND_ADDRESS}.]`;

/**
 * A send failure as the log says it: the log names an email by its outbox row and its recipient's
 * id, never an address, but a refusal often quotes the mailbox (「550 5.1.1 <x@example.jp>: User
 * unknown」). The row's last_error keeps the whole text for staff, and forgets the address with the
 * row (forgetAddressesInMailLog); a log line, kept elsewhere for as long as logs are, cannot.
 */
export function withoutAddresses(reason: string): string {
  return reason.replace(new RegExp(ADDRESS_PATTERN, 'g'), '[address]');
}

/** Enhanced status codes (RFC 3463) that say the recipient's address or mailbox is at fault. */
const MAILBOX_STATUS = new Set(['1.0', '1.1', '1.2', '1.3', '1.4', '1.6', '1.10', '2.1']);

const UNKNOWN_MAILBOX =
  /\b(no such|unknown|invalid|nonexistent|non-existent) (user|mailbox|recipient|account|address)\b|\b(user|mailbox|recipient|account|address)( \S+)? (unknown|not found|does not exist|doesn't exist)\b/i;

function aboutTheMailbox(code: number, command: string, text: string): boolean {
  if (/\brelay/i.test(text)) return false;
  const enhanced = /\b5\.(\d{1,3}\.\d{1,3})\b/.exec(text)?.[1];
  if (enhanced) return MAILBOX_STATUS.has(enhanced);
  return [550, 551, 553].includes(code) && /RCPT/i.test(command) && UNKNOWN_MAILBOX.test(text);
}
