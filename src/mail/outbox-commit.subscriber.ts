import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { OutboxRelay } from './outbox-relay';

const OUTBOX_WRITTEN = 'tsunagu.outboxWritten';

/**
 * Notes on the caller's transaction that it wrote outbox rows, so the relay is kicked when it
 * commits. Answers false when there is no transaction (the caller kicks at once).
 */
export function markOutboxWritten(manager: EntityManager): boolean {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return false;
  runner.data = { ...(runner.data as object), [OUTBOX_WRITTEN]: true };
  return true;
}

/**
 * Hands new emails to the queue right after the transaction that wrote them commits, instead of
 * waiting for the next poll. Only a latency optimisation: the poll finds them anyway, so a crash
 * between commit and kick loses nothing.
 */
@Injectable()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (this.take(event)) this.relay.kick();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.take(event);
  }

  private take(event: TransactionCommitEvent | TransactionRollbackEvent): boolean {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (!data?.[OUTBOX_WRITTEN]) return false;
    delete data[OUTBOX_WRITTEN];
    return true;
  }
}
