// Writes thousands of rows in few statements, on either engine. SQLite: prepared multi-row INSERTs
// on the raw better-sqlite3 handle, an order of magnitude faster than row-by-row saving (see
// bench/persistence.bench.ts). PostgreSQL: one INSERT ... SELECT FROM json_to_recordset(...) per chunk
// (unnest with one array per column when a column is binary), so a chunk is one statement.
// Column names come from the entity's TypeORM decorators, so they cannot drift.
import type Database from 'better-sqlite3';
import type { EngineDatabase } from './engine-database.js';
import { type EntityColumn, entityTable } from './sql/entity-columns.js';
import type { PostgresRunner } from './sql/postgres-runner.js';
import { SqliteRunner } from './sql/sqlite-runner.js';

type ColumnOf<E> = keyof E & string;

export type ConflictPolicy<E> =
  /** Plain INSERT: a duplicate key fails the whole transaction. */
  | { readonly kind: 'fail' }
  /** A row whose key exists is skipped (and not counted). */
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
  /** Columns the database fills in itself (the generated id). */
  readonly omit?: readonly O[];
  readonly conflict: ConflictPolicy<E>;
}

export interface BulkWriter<R extends object> {
  /** Writes every row and returns how many rows changed. The caller provides the transaction. */
  write(rows: readonly R[]): Promise<number>;
  /** Inserts every row and returns the new ids in row order; for the `fail` policy only. */
  insertEach(rows: readonly R[]): Promise<number[]>;
}

export const BulkWriter = {
  for<E extends object, O extends ColumnOf<E> = never>(
    db: EngineDatabase,
    entity: new () => E,
    options: BulkWriterOptions<E, O>,
  ): BulkWriter<Omit<E, O>> {
    const { table, columns: all } = entityTable(entity);
    const omitted = new Set<string>(options.omit ?? []);
    const columns = all.filter((c) => !omitted.has(c.property));
    const nameOf = (property: string) => all.find((c) => c.property === property)?.name ?? property;
    const policy = resolvePolicy(options.conflict as ConflictPolicy<Record<string, unknown>>, nameOf);
    return db.sql instanceof SqliteRunner
      ? new SqliteBulkWriter(db.sql.sqlite, table, columns, policy)
      : new PostgresBulkWriter(db.sql as PostgresRunner, table, columns, policy);
  },
};

/** The conflict policy with column names instead of property names. */
interface Policy {
  readonly kind: ConflictPolicy<unknown>['kind'];
  readonly keys: readonly string[];
  readonly keep: readonly string[];
}

function resolvePolicy(
  policy: ConflictPolicy<Record<string, unknown>>,
  nameOf: (property: string) => string,
): Policy {
  if (policy.kind === 'fail' || policy.kind === 'ignore') return { kind: policy.kind, keys: [], keep: [] };
  const keys = policy.keys.map(nameOf);
  const keep = policy.kind === 'update' ? (policy.keep ?? []).map(nameOf) : [];
  return { kind: policy.kind, keys, keep };
}

/** `ON CONFLICT (...) DO UPDATE SET ...` for the upsert policies; `qualifier` names the stored row. */
function upsertClause(policy: Policy, columns: readonly EntityColumn[], qualifier: string): string {
  if (policy.kind === 'fail' || policy.kind === 'ignore') return '';
  const unchanged = new Set<string>([...policy.keys, ...policy.keep]);
  const updates = columns
    .filter((c) => !unchanged.has(c.name))
    .map((c) =>
      policy.kind === 'add'
        ? `"${c.name}" = ${qualifier}"${c.name}" + excluded."${c.name}"`
        : `"${c.name}" = excluded."${c.name}"`,
    );
  return ` ON CONFLICT (${policy.keys.map((k) => `"${k}"`).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}

// Measured: 10–50 rows per statement is the sweet spot on SQLite; larger statements only cost parse time.
const ROWS_PER_STATEMENT = 50;

class SqliteBulkWriter<R extends object> implements BulkWriter<R> {
  private readonly properties: readonly string[];
  private readonly manyRows: Database.Statement;
  private readonly oneRow: Database.Statement;
  private readonly params: unknown[];
  private readonly returnsIds: boolean;

  constructor(sqlite: Database.Database, table: string, columns: readonly EntityColumn[], policy: Policy) {
    this.properties = columns.map((c) => c.property);
    // Only a plain INSERT stores every row, so only then does each row get an id.
    this.returnsIds = policy.kind === 'fail';
    const verb = policy.kind === 'ignore' ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
    const suffix = upsertClause(policy, columns, '');
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = (rows: number) =>
      `${verb} "${table}" (${names}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}${suffix}`;
    this.manyRows = sqlite.prepare(sql(ROWS_PER_STATEMENT));
    this.oneRow = sqlite.prepare(sql(1));
    this.params = new Array<unknown>(ROWS_PER_STATEMENT * columns.length);
  }

  write(rows: readonly R[]): Promise<number> {
    let changes = 0;
    this.runAll(rows, (result) => (changes += result.changes));
    return Promise.resolve(changes);
  }

  /**
   * A multi-row INSERT on one connection numbers its rows consecutively (each new rowid is the
   * table's largest plus one), so a statement's ids end at its last insert rowid.
   */
  insertEach(rows: readonly R[]): Promise<number[]> {
    if (!this.returnsIds) {
      throw new Error('insertEach needs the `fail` conflict policy: skipped rows get no id');
    }
    const ids = new Array<number>(rows.length);
    this.runAll(rows, (result, first, count) => {
      const last = Number(result.lastInsertRowid);
      for (let i = 0; i < count; i++) ids[first + i] = last - count + 1 + i;
    });
    return Promise.resolve(ids);
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

/** Rows per unnest statement: large enough that round trips do not dominate, small enough for memory. */
const ROWS_PER_CHUNK = 5000;

const ARRAY_TYPES: Readonly<Record<string, string>> = {
  integer: 'bigint[]',
  text: 'text[]',
  real: 'double precision[]',
  boolean: 'boolean[]',
  blob: 'bytea[]',
};

class PostgresBulkWriter<R extends object> implements BulkWriter<R> {
  private readonly sql: string;
  private readonly returning: string;
  private readonly asJson: boolean;

  constructor(
    private readonly runner: PostgresRunner,
    table: string,
    private readonly columns: readonly EntityColumn[],
    private readonly policy: Policy,
  ) {
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const conflict =
      policy.kind === 'ignore' ? ' ON CONFLICT DO NOTHING' : upsertClause(policy, columns, `"${table}".`);
    // Rows travel as one JSON text when no column is binary: JSON.stringify is native, where pg's
    // array literals escape every text value in JavaScript (the largest cost of an import's pages).
    this.asJson = columns.every((c) => c.type !== 'blob');
    const source = this.asJson
      ? `SELECT ${columns.map((c) => `r."${c.property}"`).join(', ')} FROM json_to_recordset(CAST($1 AS json)) AS r(${columns
          .map((c) => `"${c.property}" ${(ARRAY_TYPES[c.type] ?? 'text[]').slice(0, -2)}`)
          .join(', ')})`
      : `SELECT * FROM unnest(${columns.map((c, i) => `CAST($${i + 1} AS ${ARRAY_TYPES[c.type] ?? 'text[]'})`).join(', ')})`;
    this.sql = `INSERT INTO "${table}" (${names}) ${source}${conflict}`;
    this.returning = `${this.sql} RETURNING "id"`;
  }

  async write(rows: readonly R[]): Promise<number> {
    let changes = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
      const chunk = this.distinct(rows.slice(start, start + ROWS_PER_CHUNK));
      const result = await this.runner.prepared(this.sql, this.arrays(chunk));
      changes += result.rowCount ?? 0;
    }
    return changes;
  }

  /** RETURNING yields the rows in the order unnest produced them, which is the arrays' order. */
  async insertEach(rows: readonly R[]): Promise<number[]> {
    if (this.policy.kind !== 'fail') {
      throw new Error('insertEach needs the `fail` conflict policy: skipped rows get no id');
    }
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
      const chunk = rows.slice(start, start + ROWS_PER_CHUNK);
      const result = await this.runner.prepared(this.returning, this.arrays(chunk));
      for (const row of result.rows as { id: number }[]) ids.push(row.id);
    }
    return ids;
  }

  private arrays(rows: readonly R[]): unknown[] {
    // Rows are entity-shaped: their own property names are the recordset's columns (others are ignored).
    if (this.asJson) return [JSON.stringify(rows)];
    const arrays = this.columns.map(() => new Array<unknown>(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const values = rows[r] as Record<string, unknown>;
      for (let c = 0; c < this.columns.length; c++) arrays[c]![r] = values[this.columns[c]!.property] ?? null;
    }
    return arrays;
  }

  /**
   * PostgreSQL refuses an upsert that meets the same key twice in one statement, which SQLite's
   * row-by-row upsert takes in order; rows sharing a key are folded as SQLite would have applied them.
   */
  private distinct(rows: readonly R[]): readonly R[] {
    const policy = this.policy;
    if (policy.kind === 'fail' || policy.kind === 'ignore') return rows;
    const keyProps = policy.keys.map((k) => this.columns.find((c) => c.name === k)?.property ?? k);
    const fixed = new Set([...policy.keys, ...policy.keep]);
    const byKey = new Map<string, Record<string, unknown>>();
    for (const row of rows as readonly Record<string, unknown>[]) {
      const key = JSON.stringify(keyProps.map((p) => row[p]));
      const held = byKey.get(key);
      if (held === undefined) {
        byKey.set(key, { ...row });
        continue;
      }
      for (const c of this.columns) {
        if (fixed.has(c.name)) continue;
        held[c.property] =
          policy.kind === 'add'
            ? Number(held[c.property] ?? 0) + Number(row[c.property] ?? 0)
            : row[c.property];
      }
    }
    return byKey.size === rows.length ? rows : ([...byKey.values()] as unknown as R[]);
  }
}
