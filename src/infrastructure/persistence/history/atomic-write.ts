// Runs synchronous raw-connection writes atomically without nesting: inside a unit of work they join
// it as they are; outside one they get their own transaction. (A nested savepoint would make SQLite
// copy every page the batch touches into a statement journal, which dominated large imports.)
import type { NaradaDatabase } from '../open-database.js';

export function atomicWrite<T>(db: NaradaDatabase, work: () => T): Promise<T> {
  // Decided when the write's turn comes: the unit of work runs queued writes one at a time, so an
  // open transaction then is the caller's own unit.
  return db.unitOfWork.write(() =>
    db.sqlite.inTransaction ? work() : db.sqlite.transaction(work).immediate(),
  );
}
