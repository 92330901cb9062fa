// The two spellings of the fragments in `Dialect` (sql-runner.ts); stores build their SQL with them once.
import type { Dialect } from './sql-runner.js';

export const SQLITE_DIALECT: Dialect = {
  inList: (param) => `IN (SELECT value FROM json_each(${param}))`,
  utcDate: (epochMs) => `date(${epochMs} / 1000.0, 'unixepoch')`,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
  notIndexed: ' NOT INDEXED',
  caseless: (expression) => `${expression} COLLATE NOCASE`,
};

export const POSTGRES_DIALECT: Dialect = {
  inList: (param, type) => `= ANY(CAST(${param} AS ${type === 'integer' ? 'bigint' : 'text'}[]))`,
  utcDate: (epochMs) => `to_char(to_timestamp(${epochMs} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  jsonText: (column, key) => `(CAST(${column} AS jsonb) ->> '${key}')`,
  notIndexed: '',
  // SQLite's NOCASE folds ASCII letters only; lower() folds more, which only merges more spellings.
  caseless: (expression) => `lower(${expression})`,
};
