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

/** Rows the relay and the sender still have to deal with. */
export const OPEN_OUTBOX_STATUSES = [OutboxStatus.PENDING, OutboxStatus.SENDING];

export const OUTBOX_STATUS_LABEL: Record<OutboxStatus, string> = {
  PENDING: '送信待ち',
  SENDING: '送信中',
  SENT: '送信済',
  FAILED: '送信失敗',
  SKIPPED: '送信せず',
};
