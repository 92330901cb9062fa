// Keeps PostgreSQL's planner statistics in step with tables a bulk import is filling. A table that has
// never been analysed (or was analysed when it was a tenth of its size) is planned as a tiny one: the
// track look-up read all 50,000 mappings through the status index for every page of a large import
// (266 ms a page at 300,000 listens). Autovacuum may be off, and is at least a minute behind; so a
// large import asks for ANALYZE itself, outside its transactions, on its own pooled connection:
// once a table holds a few thousand rows the statistics do not count, and again each time it has
// doubled since (measured in pages on disk). ANALYZE only samples (30,000 rows), and runs beside the inserts without
// blocking them.
import type pg from 'pg';

/** Pages (8 kB) below which a table's statistics do not matter to the plans (a few thousand rows). */
const FEW_PAGES = 64;
/** A table is analysed again when it has this many times the pages its statistics were taken on. */
const GROWTH = 2;
/** New rows between two looks at the tables' sizes. */
const LOOK_EVERY = 5_000;

export class TableStatistics {
  private sinceLook = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tables: readonly string[],
  ) {}

  /**
   * Counts `added` new rows; every few thousand, looks at the tables in the background and analyses
   * those whose statistics lag. Never throws and never waits: statistics only speed plans up.
   */
  grew(added: number): void {
    this.sinceLook += added;
    if (this.sinceLook < LOOK_EVERY || this.running !== null) return;
    this.sinceLook = 0;
    this.running = this.refresh()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }

  /** Waits for an ANALYZE under way (tests; closing needs nothing: the pool waits for its clients). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * The tables' sizes on disk, which count rows not yet committed and lag nothing, against the pages
   * their last ANALYZE saw (`relpages`, 0 when never analysed).
   */
  private async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ table: string; analysed: number; pages: number }>(
      `SELECT c."relname" AS "table", c."relpages" AS "analysed",
              pg_relation_size(c."oid") / CAST(current_setting('block_size') AS integer) AS "pages"
         FROM pg_class c
        WHERE c."oid" = ANY(CAST($1 AS regclass[]))`,
      [this.tables.map((t) => `"${t}"`)],
    );
    const stale = rows.filter((r) => r.pages >= FEW_PAGES && r.pages > GROWTH * r.analysed);
    if (stale.length === 0) return;
    await this.pool.query(`ANALYZE ${stale.map((r) => `"${r.table}"`).join(', ')}`);
  }
}
