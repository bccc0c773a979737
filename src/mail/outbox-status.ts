import { registerEnumType } from '@nestjs/graphql';

export enum OutboxStatus {
  /** Written, waiting for (or between) tries. */
  PENDING = 'PENDING',
  /** A sender has it, until its lease runs out. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Gave up: hard bounce or out of tries. */
  FAILED = 'FAILED',
  /** Not sent on purpose: the recipient unsubscribed, bounced before, or the subject is gone. */
  SKIPPED = 'SKIPPED',
}
registerEnumType(OutboxStatus, {
  name: 'OutboxStatus',
  description: '送信待ち・送信中・送信済・送信失敗・送信せず（配信停止など）',
});

/** Why a FAILED row was given up (`OutboxMessage.failure`), as /health/mail counts them. */
export enum OutboxFailure {
  /** A refusal about the mailbox (5.1.1…): the address is suppressed. */
  BOUNCED = 'BOUNCED',
  /** The server refused it for another reason at the last try (relaying, policy): our side's matter. */
  REFUSED = 'REFUSED',
  /** Every try failed for now (connection, 4xx, a compose error). */
  GAVE_UP = 'GAVE_UP',
}

/** Rows the relay and the sender still have to deal with. */
export const OPEN_OUTBOX_STATUSES = [OutboxStatus.PENDING, OutboxStatus.SENDING];

export const OUTBOX_STATUS_LABEL: Record<OutboxStatus, string> = {
  PENDING: '送信待ち',
  SENDING: '送信中',
  SENT: '送信済',
  FAILED: '送信失敗',
  SKIPPED: '送信せず',
};

/** As an English-speaking participant reads the emails sent to them (exportMyData). */
export const OUTBOX_STATUS_LABEL_EN: Record<OutboxStatus, string> = {
  PENDING: 'Waiting to be sent',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Could not be delivered',
  SKIPPED: 'Not sent',
};
