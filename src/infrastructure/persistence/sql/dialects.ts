// The two spellings of the fragments in `Dialect` (sql-runner.ts); stores build their SQL with them once.
import type { Dialect } from './sql-runner.js';

export const SQLITE_DIALECT: Dialect = {
  inList: (param) => `IN (SELECT value FROM json_each(${param}))`,
  inTextPairs: (param) =>
    `IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${param}))`,
  utcDate: (epochMs) => `date(${epochMs} / 1000.0, 'unixepoch')`,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
  notIndexed: ' NOT INDEXED',
  bytewise: (expression) => expression,
};

export const POSTGRES_DIALECT: Dialect = {
  inList: (param, type) => `= ANY(CAST(${param} AS ${type === 'integer' ? 'bigint' : 'text'}[]))`,
  inTextPairs: (param) =>
    `IN (SELECT value ->> 0, value ->> 1 FROM jsonb_array_elements(CAST(${param} AS jsonb)))`,
  utcDate: (epochMs) => `to_char(to_timestamp(${epochMs} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  jsonText: (column, key) => `(CAST(${column} AS jsonb) ->> '${key}')`,
  notIndexed: '',
  bytewise: (expression) => `${expression} COLLATE "C"`,
  // SQLite's NOCASE folds ASCII letters only; lower() folds more, which only merges more spellings.
};
