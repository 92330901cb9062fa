// What every store works with, on either engine: the SQL runner and the unit of work that binds its
// statements to one transaction. Only persistence/ sees it (repositories.ts hands out the stores).
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';
import type { DatabaseFacts, DatabaseInfo } from '../../application/ports/database-info.port.js';
import type { Engine, SqlRunner } from './sql/sql-runner.js';

/** The open database as the rest of Narada holds it (the container, `narada db`): no engine types. */
export interface NaradaDatabase extends DatabaseInfo {
  readonly path: string;
  /** Applies pending migrations; returns the names applied (none when up to date). */
  migrate(): Promise<string[]>;
  info(): Promise<DatabaseFacts>;
  close(): Promise<void>;
}

export interface EngineUnitOfWork extends UnitOfWork {
  /**
   * Runs `work` as one write transaction; inside a unit it runs at once as part of that unit (no
   * savepoint: a failure fails the whole unit).
   */
  write<T>(work: () => Promise<T> | T): Promise<T>;
  /** Like `write`, but all rows or none: inside a unit it is a savepoint, so a failure leaves the unit usable. */
  bulk<T>(work: () => Promise<T> | T): Promise<T>;
}

export interface EngineDatabase extends NaradaDatabase {
  readonly engine: Engine;
  readonly sql: SqlRunner;
  readonly unitOfWork: EngineUnitOfWork;
}
