// Runs synchronous raw-connection writes atomically without nesting: inside a unit of work they join
// it as they are; outside one they get their own transaction. (A nested savepoint would make SQLite
// copy every page the batch touches into a statement journal, which dominated large imports.)
import type { NaradaDatabase } from '../open-database.js';

export function atomicWrite<T>(db: NaradaDatabase, work: () => T): Promise<T> {
  // `write` joins an open unit as it is, and otherwise opens a write transaction of its own.
  return db.unitOfWork.write(work);
}
