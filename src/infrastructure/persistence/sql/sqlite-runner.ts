// The SQL runner on SQLite: one prepared statement per distinct SQL text, kept for reuse, run
// synchronously on the single connection; the Promise is only the shape the stores share.
import type Database from 'better-sqlite3';
import { SQLITE_DIALECT } from './dialects.js';
import { type Params, type RunResult, SqlList, type SqlRunner, type SqlValue } from './sql-runner.js';

const CACHE_LIMIT = 1000;

export class SqliteRunner implements SqlRunner {
  readonly engine = 'sqlite' as const;
  readonly dialect = SQLITE_DIALECT;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  /** The cached prepared statement for `sql`, for synchronous hot paths inside persistence. */
  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= CACHE_LIMIT) this.statements.clear();
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement that returns no rows (UPDATE without RETURNING) runs and yields none, as on PostgreSQL. */
  allSync<T>(sql: string, params?: Params): T[] {
    const statement = this.prepare(sql);
    if (!statement.reader) {
      statement.run(...bound(params));
      return [];
    }
    return statement.all(...bound(params)) as T[];
  }

  // async: a failing statement rejects the promise, as on PostgreSQL, instead of throwing at the call.
  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.allSync<T>(sql, params);
  }

  async one<T>(sql: string, params?: Params): Promise<T | undefined> {
    const statement = this.prepare(sql);
    if (!statement.reader) return this.allSync<T>(sql, params)[0];
    return statement.get(...bound(params)) as T | undefined;
  }

  runSync(sql: string, params?: Params): RunResult {
    const statement = this.prepare(sql);
    if (statement.reader) return { changes: statement.all(...bound(params)).length };
    return { changes: statement.run(...bound(params)).changes };
  }

  async run(sql: string, params?: Params): Promise<RunResult> {
    return this.runSync(sql, params);
  }
}

function bound(params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return (params as readonly SqlValue[]).map(sqliteValue);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) named[name] = sqliteValue(value);
  return [named];
}

/** better-sqlite3 binds no booleans and no undefined; a list goes in as JSON for json_each. */
export function sqliteValue(value: SqlValue): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof SqlList) return JSON.stringify(value.values);
  return value;
}
