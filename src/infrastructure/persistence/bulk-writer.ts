// Writes thousands of rows through the raw better-sqlite3 handle: prepared multi-row INSERTs bound
// from entity-shaped rows, an order of magnitude faster than TypeORM saving row by row (see
// bench/persistence.bench.ts). Column names come from the entity's TypeORM metadata, so they cannot drift.
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';

type ColumnOf<E> = keyof E & string;

export type ConflictPolicy<E> =
  /** Plain INSERT: a duplicate key fails the whole transaction. */
  | { readonly kind: 'fail' }
  /** INSERT OR IGNORE: a row whose key exists is skipped (and not counted). */
  | { readonly kind: 'ignore' }
  /** Upsert on `keys`: a known row gets the new values, except the `keep` columns. */
  | {
      readonly kind: 'update';
      readonly keys: readonly ColumnOf<E>[];
      readonly keep?: readonly ColumnOf<E>[];
    }
  /** Upsert on `keys` for counters: a known row's other columns are increased by the new values. */
  | { readonly kind: 'add'; readonly keys: readonly ColumnOf<E>[] };

export interface BulkWriterOptions<E, O extends ColumnOf<E>> {
  /** Columns SQLite fills in itself (the rowid). */
  readonly omit?: readonly O[];
  readonly conflict: ConflictPolicy<E>;
}

// Measured: 10–50 rows per statement is the sweet spot; larger statements only cost parse time.
const ROWS_PER_STATEMENT = 50;

export class BulkWriter<R extends object> {
  private readonly properties: readonly string[];
  private readonly manyRows: Database.Statement;
  private readonly oneRow: Database.Statement;
  private readonly params: unknown[];
  private readonly returnsIds: boolean;

  private constructor(
    sqlite: Database.Database,
    table: string,
    columns: readonly Column[],
    { verb, suffix }: StatementParts,
  ) {
    this.properties = columns.map((c) => c.property);
    // Only a plain INSERT stores every row, so only then does each row get an id.
    this.returnsIds = verb === 'INSERT INTO' && suffix === '';
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = (rows: number) =>
      `${verb} "${table}" (${names}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}${suffix}`;
    this.manyRows = sqlite.prepare(sql(ROWS_PER_STATEMENT));
    this.oneRow = sqlite.prepare(sql(1));
    this.params = new Array<unknown>(ROWS_PER_STATEMENT * columns.length);
  }

  static for<E extends object, O extends ColumnOf<E> = never>(
    dataSource: DataSource,
    sqlite: Database.Database,
    entity: new () => E,
    options: BulkWriterOptions<E, O>,
  ): BulkWriter<Omit<E, O>> {
    const metadata = dataSource.getMetadata(entity);
    const omitted = new Set<string>(options.omit ?? []);
    const columns = metadata.columns
      .filter((c) => !omitted.has(c.propertyName))
      .map((c) => ({ property: c.propertyName, name: c.databaseName }));
    const nameOf = (property: string) => metadata.findColumnWithPropertyName(property)?.databaseName;
    return new BulkWriter(
      sqlite,
      metadata.tableName,
      columns,
      statementParts(options.conflict, columns, nameOf),
    );
  }

  /** Writes every row and returns how many rows changed. The caller provides the transaction. */
  write(rows: readonly R[]): number {
    let changes = 0;
    this.runAll(rows, (result) => (changes += result.changes));
    return changes;
  }

  /**
   * Inserts every row and returns the new rowids in row order; for the `fail` policy only (an ignored
   * row has no id). A multi-row INSERT on one connection numbers its rows consecutively (each new
   * rowid is the table's largest plus one), so a statement's ids end at its last insert rowid.
   */
  insertEach(rows: readonly R[]): number[] {
    if (!this.returnsIds) {
      throw new Error('insertEach needs the `fail` conflict policy: skipped rows get no id');
    }
    const ids = new Array<number>(rows.length);
    this.runAll(rows, (result, first, count) => {
      const last = Number(result.lastInsertRowid);
      for (let i = 0; i < count; i++) ids[first + i] = last - count + 1 + i;
    });
    return ids;
  }

  /** Full statements of ROWS_PER_STATEMENT rows, then the remainder one row at a time. */
  private runAll(
    rows: readonly R[],
    done: (result: Database.RunResult, first: number, count: number) => void,
  ): void {
    let next = 0;
    for (; next + ROWS_PER_STATEMENT <= rows.length; next += ROWS_PER_STATEMENT) {
      for (let i = 0; i < ROWS_PER_STATEMENT; i++) this.bind(rows[next + i]!, this.params, i);
      done(this.manyRows.run(this.params), next, ROWS_PER_STATEMENT);
    }
    const single = new Array<unknown>(this.properties.length);
    for (; next < rows.length; next++) {
      this.bind(rows[next]!, single, 0);
      done(this.oneRow.run(single), next, 1);
    }
  }

  private bind(row: R, params: unknown[], slot: number): void {
    // Rows are entity-shaped objects; reading them by property name keeps this writer generic.
    const values = row as Record<string, unknown>;
    const offset = slot * this.properties.length;
    for (let i = 0; i < this.properties.length; i++) {
      const value = values[this.properties[i]!];
      // better-sqlite3 binds no booleans and no undefined.
      params[offset + i] = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
    }
  }
}

interface Column {
  readonly property: string;
  readonly name: string;
}

interface StatementParts {
  readonly verb: string;
  readonly suffix: string;
}

function statementParts<E>(
  policy: ConflictPolicy<E>,
  columns: readonly Column[],
  nameOf: (property: string) => string | undefined,
): StatementParts {
  if (policy.kind === 'fail') return { verb: 'INSERT INTO', suffix: '' };
  if (policy.kind === 'ignore') return { verb: 'INSERT OR IGNORE INTO', suffix: '' };
  const keys = policy.keys.map((k) => nameOf(k) ?? k);
  const kept = policy.kind === 'update' ? (policy.keep ?? []).map((k) => nameOf(k) ?? k) : [];
  const keep = new Set<string>([...keys, ...kept]);
  const updates = columns
    .filter((c) => !keep.has(c.name))
    .map((c) =>
      policy.kind === 'add'
        ? `"${c.name}" = "${c.name}" + excluded."${c.name}"`
        : `"${c.name}" = excluded."${c.name}"`,
    );
  const target = keys.map((k) => `"${k}"`).join(', ');
  return { verb: 'INSERT INTO', suffix: ` ON CONFLICT (${target}) DO UPDATE SET ${updates.join(', ')}` };
}
