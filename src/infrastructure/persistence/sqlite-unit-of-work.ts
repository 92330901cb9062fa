// Transactions and write ordering on Narada's single SQLite connection. SQLite keeps one
// transaction per connection, so a write issued while another caller's transaction awaits would
// silently join it (and vanish with its rollback); every write therefore waits its turn here.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';

export class SqliteUnitOfWork implements UnitOfWork {
  private readonly insideTransaction = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();

  /** `runner` is TypeORM's one query runner of the `sqlite` connection, so its saves see our transaction. */
  constructor(
    private readonly runner: QueryRunner,
    private readonly sqlite: Database.Database,
  ) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.write(async () => {
      // Nested units become savepoints: TypeORM counts the depth on the shared runner.
      await this.runner.startTransaction();
      let result: T;
      try {
        result = await this.insideTransaction.run(true, work);
      } catch (error) {
        await this.runner.rollbackTransaction();
        throw error;
      }
      await this.runner.commitTransaction();
      return result;
    });
  }

  /**
   * Runs `work` once every write queued before it has finished. Inside a transaction it runs at once,
   * as part of that transaction (waiting would deadlock on the transaction holding the turn).
   */
  write<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.insideTransaction.getStore() === true) return Promise.resolve().then(work);
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs synchronous raw-handle writes (the bulk paths) as one transaction: all rows or none. Inside
   * an open unit better-sqlite3 makes it a savepoint of that unit.
   */
  bulk<T>(work: () => T): Promise<T> {
    return this.write(() => this.sqlite.transaction(work).immediate());
  }
}
