/**
 * In every integration test file: code that asks the pool for a connection while a transaction it
 * runs in holds one fails the test. Such a read waits for a free connection while holding one, and
 * a burst of them (twenty refused placements at once) leaves every connection of the pool waiting
 * for another: the service hangs. Inside a transaction, read through its manager.
 *
 * The transaction is followed with AsyncLocalStorage from where EntityManager.transaction calls
 * its callback to where the callback settles, or, for a query runner the code starts and ends
 * itself (the 名寄せ merge), from its startTransaction to its commit or rollback; a connection asked
 * for in between is recorded, with the stack that asked, and the test it came in fails after it
 * has run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join, sep } from 'node:path';
import { EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

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

/**
 * A query runner's transaction started by hand, on a runner the code connected first: followed
 * from here on in the async function that starts it (enterWith), until it is committed or rolled
 * back. Having awaited the connect, that function is in its own continuation, so the scope does
 * not reach its caller. (TypeORM's own runners, EntityManager.transaction's and a save's, connect
 * as they start: not these. Nor the tests' own, which hold locks while the service works: only
 * those the service starts.)
 */
const handRun = new WeakMap<PostgresQueryRunner, { open: boolean }>();
const { startTransaction, commitTransaction, rollbackTransaction } = PostgresQueryRunner.prototype;
PostgresQueryRunner.prototype.startTransaction = function (this: PostgresQueryRunner, ...args) {
  if (!this.isTransactionActive && this.databaseConnection && startedInService()) {
    const scope = { open: true };
    handRun.set(this, scope);
    inTransaction.enterWith(scope);
  }
  return startTransaction.apply(this, args);
};
const SERVICE_SOURCE = join(__dirname, '..', '..', 'src') + sep;
/** The first frame outside TypeORM and this file is the service's code. */
function startedInService(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames.find((frame) => !frame.includes('node_modules') && !frame.includes(__filename));
  return caller?.includes(SERVICE_SOURCE) ?? false;
}
// (A commit or rollback of a savepoint leaves the transaction open.)
const ended = (runner: PostgresQueryRunner) => {
  const scope = handRun.get(runner);
  if (scope && !runner.isTransactionActive) scope.open = false;
};
PostgresQueryRunner.prototype.commitTransaction = function (this: PostgresQueryRunner) {
  return commitTransaction.call(this).finally(() => ended(this));
};
PostgresQueryRunner.prototype.rollbackTransaction = function (this: PostgresQueryRunner) {
  return rollbackTransaction.call(this).finally(() => ended(this));
};

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
