// What `narada status` and `narada db migrate` report about the local database.

export interface DatabaseFacts {
  readonly path: string;
  /** How many migrations the schema has had: the number of the latest applied one (0 = empty file). */
  readonly schemaVersion: number;
  /** Name of the latest applied migration, `null` before the first. */
  readonly latestMigration: string | null;
  /** Migrations this build knows that the database has not had yet. */
  readonly pendingMigrations: number;
  /** Rows per table, keyed by table name. */
  readonly rowCounts: Readonly<Record<string, number>>;
}

/** What SQLite's quick check found: `damaged` lists the first problems it named. */
export interface DatabaseIntegrity {
  readonly state: 'ok' | 'damaged' | 'not_checked';
  readonly problems: readonly string[];
  /** How to recover a damaged file, naming it; `null` when there is nothing to do. */
  readonly recovery: string | null;
}

export interface DatabaseInfo {
  info(): Promise<DatabaseFacts>;
  /** Reads every page of the file (about a second per million listens), so only `narada status` asks. */
  checkIntegrity(): Promise<DatabaseIntegrity>;
}
