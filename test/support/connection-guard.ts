/**
 * In every integration test file: code that asks the pool for a connection while a transaction it
 * runs in holds one fails the test. Such a read waits for a free connection while holding one, and
 * a burst of them (twenty refused placements at once) leaves every connection of the pool waiting
 * for another: the service hangs. Inside a transaction, read through its manager.
 *
 * The transaction is followed with AsyncLocalStorage from where EntityManager.transaction calls
 * its callback to where the callback settles; a connection asked for in between is recorded, with
 * the stack that asked, and the test it came in fails after it has run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

type Transaction = (this: EntityManager, ...args: unknown[]) => Promise<unknown>;

const inTransaction = new AsyncLocalStorage<{ open: boolean }>();
const secondConnections: string[] = [];

const transaction = EntityManager.prototype.transaction as Transaction;
EntityManager.prototype.transaction = function (this: EntityManager, ...args: unknown[]) {
  // A transaction on a manager that has its connection already (nested) takes no other.
  if (this.queryRunner) return transaction.apply(this, args);
  const scope = { open: true };
  // (run) or (isolation, run); DataSource.transaction passes both, the second undefined.
  const at = typeof args[0] === 'function' ? 0 : 1;
  const run = args[at] as (manager: EntityManager) => Promise<unknown>;
  args[at] = (manager: EntityManager) => inTransaction.run(scope, () => run(manager));
  return transaction.apply(this, args).finally(() => {
    scope.open = false;
  });
} as typeof EntityManager.prototype.transaction;

const obtainMasterConnection = PostgresDriver.prototype.obtainMasterConnection;
PostgresDriver.prototype.obtainMasterConnection = function (this: PostgresDriver) {
  if (inTransaction.getStore()?.open) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    secondConnections.push(new Error('a connection asked for inside a transaction').stack ?? '');
    Error.stackTraceLimit = limit;
  }
  return obtainMasterConnection.call(this);
};

afterEach(() => {
  const found = secondConnections.splice(0);
  if (found.length > 0)
    throw new Error(
      `${found.length} connection(s) asked for while a transaction held one; read through the ` +
        `transaction's manager instead. The first:\n${found[0]}`,
    );
});
