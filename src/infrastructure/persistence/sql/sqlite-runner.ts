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

  allSync<T>(sql: string, params?: Params): T[] {
    return this.prepare(sql).all(...bound(params)) as T[];
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return Promise.resolve(this.allSync<T>(sql, params));
  }

  one<T>(sql: string, params?: Params): Promise<T | undefined> {
    return Promise.resolve(this.prepare(sql).get(...bound(params)) as T | undefined);
  }

  runSync(sql: string, params?: Params): RunResult {
    const statement = this.prepare(sql);
    if (statement.reader) return { changes: statement.all(...bound(params)).length };
    return { changes: statement.run(...bound(params)).changes };
  }

  run(sql: string, params?: Params): Promise<RunResult> {
    return Promise.resolve(this.runSync(sql, params));
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
