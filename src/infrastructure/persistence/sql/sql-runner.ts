// The engine-neutral way stores talk to the database: `all/one/run` over portable SQL with `?`
// (positional) or `@name` (named) placeholders, bound to the transaction of the unit of work the
// caller runs in. SQLite keeps prepared statements underneath, so it stays synchronous-fast; PostgreSQL
// gets `$n` placeholders and the unit's pooled client. Dialect-specific fragments live in `Dialect`.

export type SqlValue = string | number | boolean | null | undefined | Buffer | SqlList;
export type Params = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  /** Rows the statement inserted, changed or removed. */
  readonly changes: number;
}

export type Engine = 'sqlite' | 'postgres';

export interface SqlRunner {
  readonly engine: Engine;
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<RunResult>;
}

/** A list bound as one parameter of `dialect.inList(...)`: JSON text on SQLite, an array on PostgreSQL. */
export class SqlList {
  constructor(readonly values: readonly (string | number)[]) {}
}

export function sqlList(values: readonly (string | number)[]): SqlList {
  return new SqlList(values);
}

/** The few SQL fragments the engines spell differently; everything else is written once. */
export interface Dialect {
  /** `IN (...)` over one `sqlList(...)` parameter (`?` or `@name` as given) of integers or texts. */
  inList(param: string, type: 'integer' | 'text'): string;
  /**
   * `IN (...)` over pairs of texts, for a row value such as `(m."service", m."external_id")`: the one
   * parameter is a JSON array of `[a, b]` pairs (`JSON.stringify`), on both engines.
   */
  inTextPairs(param: string): string;
  /** The UTC calendar date `YYYY-MM-DD` of an epoch-ms expression. */
  utcDate(epochMs: string): string;
  /** The text at `key` of a JSON object held in a text column (NULL when absent). */
  jsonText(column: string, key: string): string;
  /** Tells SQLite not to use an index for this table reference (nothing on PostgreSQL). */
  readonly notIndexed: string;
  /** Text ordered byte by byte, as SQLite's default BINARY collation does (PostgreSQL's follows the locale). */
  bytewise(expression: string): string;
}

/** A boolean column as read back: SQLite has 0/1, PostgreSQL true/false. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** Same for a nullable boolean column. */
export function readNullableBoolean(value: unknown): boolean | null {
  return value === null || value === undefined ? null : readBoolean(value);
}
