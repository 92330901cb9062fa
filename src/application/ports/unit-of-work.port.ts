// Groups repository calls into one all-or-nothing unit: every write inside `work` commits together,
// or none does when `work` throws. Units may nest; an inner failure undoes only the inner unit.

export interface TransactionOptions {
  /**
   * The caller redoes this work by itself after a crash (an import resumes from the cursor it stores
   * in the same transaction), so the database may acknowledge the commit before it is on disk: a
   * crash can then lose the last commits, never part of one. PostgreSQL skips waiting for its log to
   * be flushed (`synchronous_commit` off, for this transaction only); SQLite's log already commits so.
   */
  readonly redoable?: boolean;
}

export interface UnitOfWork {
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
}
