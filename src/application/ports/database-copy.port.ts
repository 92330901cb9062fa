// Moving a whole library between two databases (`narada db copy`): each side as the copy sees it —
// its schema version, its tables in a safe order, pages of rows in key order, a page written in one
// transaction with the copy's checkpoint, counts and the ledger's checksum. Sides are named by their
// display form only (never a password).

/** A value as it crosses between engines: booleans and blobs are normalised by the target. */
export type CopyValue = string | number | boolean | null | Uint8Array;

export interface CopyTable {
  readonly name: string;
  /** Column names in the source's order; the target writes the same names. */
  readonly columns: readonly string[];
  /** The primary key columns, in key order: pages are read in this order. */
  readonly key: readonly string[];
  /**
   * Columns that refer to the same table (a merged track, a duplicate play): rows with all of them
   * NULL are copied first (phase 0), the rest after (phase 1), so a reference finds its row.
   */
  readonly selfReferences: readonly string[];
}

/** Where an unfinished copy stopped: the tables done, and the last key written in the current one. */
export interface CopyCheckpoint {
  /** The source's display name: a rerun with another source does not continue this copy. */
  readonly source: string;
  readonly done: readonly string[];
  readonly current: {
    readonly table: string;
    readonly phase: number;
    readonly after: readonly CopyValue[];
    readonly copied: number;
  } | null;
  /** `copying` until every row is in; then `verifying`. */
  readonly state: 'copying' | 'verifying';
}

export interface CopyPage {
  readonly rows: readonly (readonly CopyValue[])[];
  /** The key of the last row, where the next page starts (null when the page is empty). */
  readonly last: readonly CopyValue[] | null;
}

export interface LedgerChecksum {
  readonly rows: number;
  /** SHA-256 (hex) over every ledger row's columns in id order. */
  readonly sha256: string;
}

/** One side of a copy, opened. */
export interface CopySide {
  /** The database as shown: the SQLite file or `postgres://user@host:port/db`. */
  readonly display: string;
  readonly engine: string;
  /** The tables to copy (every table but the migrations bookkeeping), parents before children. */
  tables(): Promise<CopyTable[]>;
  count(table: CopyTable): Promise<number>;
  /** Up to `limit` rows of `phase` after key `after` (null: from the start), in key order. */
  page(table: CopyTable, phase: number, after: readonly CopyValue[] | null, limit: number): Promise<CopyPage>;
  /** True when any table holds a row (the copy's own checkpoint aside). */
  hasRows(): Promise<boolean>;
  /** Removes every row of every table (ids restart), the checkpoint included. */
  wipe(): Promise<void>;
  readCheckpoint(): Promise<CopyCheckpoint | null>;
  /** Inserts `rows` (ids kept) and saves `checkpoint`, in one transaction. */
  writePage(
    table: CopyTable,
    rows: readonly (readonly CopyValue[])[],
    checkpoint: CopyCheckpoint,
    now: number,
  ): Promise<void>;
  saveCheckpoint(checkpoint: CopyCheckpoint, now: number): Promise<void>;
  clearCheckpoint(): Promise<void>;
  /** After rows came in with their ids: generated ids continue after the largest. */
  finishCopy(): Promise<void>;
  /** Streams the ledger in id order; the same on both engines. */
  ledgerChecksum(): Promise<LedgerChecksum>;
  close(): Promise<void>;
}

/** A side before it is opened: its schema state, read without changing anything. */
export interface CopySideProbe {
  readonly display: string;
  /** Migrations applied, in order (empty for a new or empty database). */
  readonly applied: readonly string[];
  /** The migrations this Narada knows, in order. */
  readonly known: readonly string[];
  /** Opens it (an empty database is migrated to this Narada's schema as it opens). */
  open(): Promise<CopySide>;
}

export interface DatabaseCopyEndpoints {
  /** The database DATABASE_URL (or the default SQLite file) names. */
  configured(): Promise<CopySideProbe>;
  /** Another database: a postgres:// URL or sqlite:/path (refused with exit 2 when unreadable). */
  other(url: string): Promise<CopySideProbe>;
}
