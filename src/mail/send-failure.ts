/** How the sender treats a failed send. */
export type SendFailure =
  /** The mailbox does not exist or refuses us for good: give up and stop mailing the address. */
  | { kind: 'hard-bounce'; reason: string }
  /** Anything else (4xx, connection trouble): try again later. */
  | { kind: 'temporary'; reason: string };

interface SmtpError {
  message?: string;
  responseCode?: number;
  command?: string;
  code?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * A hard bounce is a 5xx answer to RCPT TO or to the message data (RFC 5321 §4.2.1: 5yz is a
 * permanent negative reply). 5xx to other commands (MAIL FROM, AUTH) is our side's problem and
 * is retried like any temporary failure, without blaming the recipient.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const smtp = (error ?? {}) as SmtpError;
  const rejected = smtp.rejectedErrors?.[0];
  const code = smtp.responseCode ?? rejected?.responseCode;
  const command = `${smtp.command ?? ''} ${rejected?.command ?? ''}`;
  const reason = String(smtp.message ?? error).slice(0, 500);
  if (code !== undefined && code >= 500 && code < 600 && /RCPT|DATA|end of message/i.test(command)) {
    return { kind: 'hard-bounce', reason };
  }
  return { kind: 'temporary', reason };
}
