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

export interface DatabaseInfo {
  info(): Promise<DatabaseFacts>;
}
