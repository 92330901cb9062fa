// Transactions on PostgreSQL: a unit takes a client from the pool and AsyncLocalStorage carries it,
// so every statement the unit's work issues (through PostgresRunner) runs on that client. Nested
// units are savepoints; a top-level unit that fails on a serialization failure or a deadlock (40001,
// 40P01) is run again from the start, a few times. A write outside any unit is its own transaction.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { TransactionOptions } from '../../../application/ports/unit-of-work.port.js';
import type { EngineUnitOfWork } from '../engine-database.js';
import type { ClientSource } from '../sql/postgres-runner.js';

interface Unit {
  readonly client: pg.PoolClient;
  readonly depth: number;
}

/** Serialization failure and deadlock: PostgreSQL undid the transaction; running it again is safe. */
const RETRYABLE = new Set(['40001', '40P01']);
export const MAX_ATTEMPTS = 5;
/** A transaction whose commit does not wait for the log flush: a crash may lose it, to be redone. */
const REDOABLE_BEGIN = 'BEGIN; SET LOCAL synchronous_commit = off';

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export class PostgresUnitOfWork implements EngineUnitOfWork, ClientSource {
  private readonly units = new AsyncLocalStorage<Unit>();

  constructor(private readonly pool: pg.Pool) {}

  current(): pg.Pool | pg.PoolClient {
    return this.units.getStore()?.client ?? this.pool;
  }

  transaction<T>(work: () => Promise<T> | T, options: TransactionOptions = {}): Promise<T> {
    const unit = this.units.getStore();
    return unit === undefined
      ? this.topLevel(work, MAX_ATTEMPTS, options.redoable === true)
      : this.savepoint(unit, work);
  }

  write<T>(work: () => Promise<T> | T): Promise<T> {
    return this.units.getStore() === undefined ? this.topLevel(work) : Promise.resolve().then(work);
  }

  bulk<T>(work: () => Promise<T> | T): Promise<T> {
    return this.transaction(work);
  }

  /** Runs `work` on one client in one transaction without the retry (migrations, copies). */
  async onClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.topLevel(() => work(this.units.getStore()!.client), 1);
  }

  private async topLevel<T>(
    work: () => Promise<T> | T,
    attempts = MAX_ATTEMPTS,
    redoable = false,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        // One message either way: a query without parameters may hold several statements.
        await client.query(redoable ? REDOABLE_BEGIN : 'BEGIN');
        const result = await this.units.run({ client, depth: 0 }, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollback) {
          // A client that cannot roll back is not given back to the pool.
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        }
        if (attempt < attempts && isRetryable(error)) {
          await sleep(10 * 2 ** attempt + Math.random() * 20);
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  private async savepoint<T>(unit: Unit, work: () => Promise<T> | T): Promise<T> {
    const depth = unit.depth + 1;
    const name = `unit_${depth}`;
    await unit.client.query(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await this.units.run({ client: unit.client, depth }, work);
    } catch (error) {
      await unit.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await unit.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
    await unit.client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  }
}
