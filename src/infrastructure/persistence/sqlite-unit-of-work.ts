// Transactions and write ordering on Narada's single SQLite connection. SQLite keeps one
// transaction per connection, so a write issued while another caller's transaction awaits would
// silently join it (and vanish with its rollback); every write therefore waits its turn here.
// Every write transaction takes the file's write lock up front (BEGIN IMMEDIATE): a deferred one
// that read first could not wait for another process's commit and would fail with SQLITE_BUSY.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { DamageMarker } from './database-damage.js';
import type { EngineUnitOfWork } from './engine-database.js';
import { beginWrite, type WriteLockOptions } from './write-lock.js';

export class SqliteUnitOfWork implements EngineUnitOfWork {
  /** The savepoint depth of the unit the current async context runs in (absent: none). */
  private readonly depth = new AsyncLocalStorage<number>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly lock: WriteLockOptions,
    private readonly damage: DamageMarker,
  ) {}

  transaction<T>(work: () => Promise<T> | T): Promise<T> {
    const depth = this.depth.getStore();
    if (depth === undefined) return this.write(work);
    // Nested units become savepoints: an inner failure undoes only the inner unit.
    const name = `unit_${depth + 1}`;
    return this.depth.run(depth + 1, async () => {
      this.sqlite.exec(`SAVEPOINT ${name}`);
      let result: T;
      try {
        result = await work();
      } catch (error) {
        // Some errors (a full disk) make SQLite roll back the whole transaction, savepoints included.
        if (this.sqlite.inTransaction) this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
      this.sqlite.exec(`RELEASE ${name}`);
      return result;
    });
  }

  /**
   * Runs `work` as one write transaction once every write queued before it has finished. Inside a
   * unit it runs at once, as part of that unit (waiting would deadlock on the unit holding the turn),
   * without a savepoint of its own: that would make SQLite copy every page a large batch touches into
   * a statement journal, which dominated large imports. A failure then fails the whole unit.
   */
  write<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.depth.getStore() !== undefined) return Promise.resolve().then(work);
    return this.inTurn(() => this.locked(() => this.depth.run(0, work), 'IMMEDIATE'));
  }

  /**
   * Runs raw-handle writes (the bulk paths) atomically: all rows or none. Inside an open unit it is
   * a savepoint of that unit, so its failure leaves the unit usable.
   */
  bulk<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.depth.getStore() !== undefined) return this.transaction(work);
    return this.write(work);
  }

  /** Migrations: the same turn, under an EXCLUSIVE lock, so two first starts cannot both apply them. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.inTurn(() => this.locked(() => this.depth.run(0, work), 'EXCLUSIVE'));
  }

  private inTurn<T>(run: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(run);
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async locked<T>(work: () => Promise<T> | T, mode: 'IMMEDIATE' | 'EXCLUSIVE'): Promise<T> {
    this.damage.refuseIfDamaged();
    await beginWrite(this.sqlite, this.lock, mode);
    try {
      const result = await work();
      this.sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw this.damage.translate(error);
    }
  }
}
