// The SQL runner on PostgreSQL: `$n` placeholders, and every statement on the client of the unit of
// work the caller runs in (outside a unit: any pooled connection, each statement its own transaction).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { POSTGRES_DIALECT } from './dialects.js';
import { toPostgres } from './placeholders.js';
import { type Params, type RunResult, SqlList, type SqlRunner, type SqlValue } from './sql-runner.js';

export interface ClientSource {
  /** The client of the unit the caller runs in, or the pool outside one. */
  current(): pg.Pool | pg.PoolClient;
}

export class PostgresRunner implements SqlRunner {
  readonly engine = 'postgres' as const;
  readonly dialect = POSTGRES_DIALECT;

  constructor(private readonly clients: ClientSource) {}

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async one<T>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params?: Params): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  query(sql: string, params?: Params): Promise<pg.QueryResult> {
    const { text, names } = toPostgres(sql);
    return this.clients.current().query(text, postgresValues(names, params));
  }

  /** A statement already written with `$n` placeholders (the bulk writer's). */
  raw(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    return this.clients.current().query(text, values as unknown[]);
  }

  /**
   * Like `raw`, for a fixed statement run again and again (a bulk writer's, the ledger's append): a
   * named prepared statement, so each connection parses and plans it once, not once a page (the
   * server plans it again itself when the tables' statistics change).
   */
  prepared(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    return this.clients.current().query({ name: statementName(text), text, values: values as unknown[] });
  }

  /**
   * Streams `rows` (COPY's text format, as `copyLine` writes it) into
   * `COPY ... FROM STDIN` on the caller's client. Only inside a unit of work: a COPY outside one
   * would have no transaction to share with the statements around it.
   */
  async copyIn(copySql: string, rows: string): Promise<number> {
    const client = this.clients.current();
    if (!('release' in client)) throw new Error('copyIn runs inside a unit of work');
    const stream = client.query(copyFrom(copySql));
    await pipeline(Readable.from([rows]), stream);
    return stream.rowCount;
  }
}

/** One row of COPY's text format: tab-separated, `\N` for null, backslash and line breaks escaped. */
export function copyLine(values: readonly (string | number | null)[]): string {
  let line = '';
  let first = true;
  for (const value of values) {
    if (!first) line += '\t';
    first = false;
    if (value === null) line += '\\N';
    else if (typeof value === 'number') line += String(value);
    else line += COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, escapeCopy) : value;
  }
  return `${line}\n`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const escapeCopy = (c: string): string => COPY_ESCAPES[c]!;

const names = new Map<string, string>();

/** A name per statement text (a connection refuses one name for two texts). */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `narada_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export function postgresValues(names: readonly string[], params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return (params as readonly SqlValue[]).map(postgresValue);
  const named = params as Readonly<Record<string, SqlValue>>;
  return names.map((name) => {
    if (!(name in named)) throw new Error(`Missing named parameter @${name}`);
    return postgresValue(named[name]);
  });
}

function postgresValue(value: SqlValue): unknown {
  if (value === undefined) return null;
  if (value instanceof SqlList) return value.values;
  return value;
}
