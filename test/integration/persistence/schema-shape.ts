// A schema read back from either engine in one normalised shape, so the PostgreSQL schema the
// migrations create can be compared with the SQLite one: tables, columns (name, type, nullability,
// default), primary keys, named unique/foreign/check constraints, foreign key targets, indexes, triggers.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import {
  CHECKED_REFERENCES,
  type CheckedReference,
} from '../../../src/infrastructure/persistence/postgres/checked-references.js';
import { toPostgres } from '../../../src/infrastructure/persistence/sql/placeholders.js';

export interface TableShape {
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[];
  readonly constraints: readonly string[];
  readonly foreignKeys: readonly string[];
  readonly uniques: readonly string[];
  readonly indexes: readonly string[];
  readonly triggers: readonly string[];
}

export type SchemaShape = Readonly<Record<string, TableShape>>;

/** Tables every engine keeps for itself (the migrations' bookkeeping). */
const OWN_TABLES = new Set(['migrations']);

const TYPES: Readonly<Record<string, string>> = {
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  'character varying': 'text',
  varchar: 'text',
  real: 'real',
  'double precision': 'real',
  boolean: 'boolean',
  blob: 'blob',
  bytea: 'blob',
};

function normalType(type: string): string {
  const key = type.toLowerCase().trim();
  return TYPES[key] ?? `?${key}`;
}

function normalDefault(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'none';
  let text = String(value).replace(/::[a-z ]+$/i, '');
  if (type === 'boolean') text = text === '1' ? 'true' : text === '0' ? 'false' : text;
  return text.replace(/^'(.*)'$/, '$1');
}

const column = (name: string, type: string, notNull: boolean, dflt: unknown) =>
  `${name} ${normalType(type)} ${notNull ? 'NOT NULL' : 'NULL'} default=${normalDefault(dflt, normalType(type))}`;

export function sqliteSchema(sqlite: Database.Database): SchemaShape {
  const tables = sqlite
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .filter((t) => !OWN_TABLES.has(t.name));
  const shape: Record<string, TableShape> = {};
  for (const { name, sql } of tables) {
    const info = sqlite.pragma(`table_info("${name}")`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    const indexList = sqlite.pragma(`index_list("${name}")`) as {
      name: string;
      unique: number;
      origin: string;
    }[];
    const indexColumns = (index: string) =>
      (sqlite.pragma(`index_info("${index}")`) as { name: string }[]).map((c) => c.name).join(',');
    const fks = sqlite.pragma(`foreign_key_list("${name}")`) as {
      id: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    const byId = new Map<number, typeof fks>();
    for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    shape[name] = {
      columns: info.map((c) => column(c.name, c.type, c.notnull === 1 || c.pk > 0, c.dflt_value)),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      constraints: [...sql.matchAll(/CONSTRAINT "([^"]+)" (UNIQUE|FOREIGN KEY|CHECK)/gi)]
        .map((m) => `${m[2]!.toUpperCase()} ${m[1]!}`)
        .sort(),
      foreignKeys: [...byId.values()]
        .map(
          (parts) =>
            `(${parts.map((p) => p.from).join(',')}) -> ${parts[0]!.table}(${parts.map((p) => p.to).join(',')}) on delete ${parts[0]!.on_delete.toLowerCase()}`,
        )
        .sort(),
      uniques: indexList
        .filter((i) => i.origin === 'u')
        .map((i) => indexColumns(i.name))
        .sort(),
      indexes: indexList
        .filter((i) => i.origin === 'c')
        .map((i) => `${i.name}${i.unique === 1 ? ' UNIQUE' : ''} (${indexColumns(i.name)})`)
        .sort(),
      triggers: sqlite
        .prepare<[string], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`,
        )
        .all(name)
        .map((t) => t.name),
    };
  }
  return shape;
}

const DELETE_RULES: Readonly<Record<string, string>> = {
  a: 'no action',
  c: 'cascade',
  r: 'restrict',
  n: 'set null',
  d: 'set default',
};

export async function postgresSchema(client: pg.ClientBase | pg.Pool): Promise<SchemaShape> {
  const q = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  const tables = (
    await q<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).filter((t) => !OWN_TABLES.has(t.name));
  const shape: Record<string, TableShape> = {};
  for (const { name } of tables) {
    const columns = await q<{ name: string; type: string; nullable: string; dflt: string | null }>(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
        ORDER BY ordinal_position`,
      [name],
    );
    const attnames = `(SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(%s) WITH ORDINALITY k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = %r AND a.attnum = k.attnum)`;
    const cols = (keys: string, rel: string) => attnames.replace('%s', keys).replace('%r', rel);
    const constraints = await q<{
      name: string;
      type: string;
      columns: string[];
      target: string | null;
      targetColumns: string[] | null;
      del: string;
    }>(
      `SELECT c.conname AS name, c.contype AS type, ${cols('c.conkey', 'c.conrelid')} AS columns,
              c.confrelid::regclass::text AS target, ${cols('c.confkey', 'c.confrelid')} AS "targetColumns",
              c.confdeltype AS del
         FROM pg_constraint c WHERE c.conrelid = $1::regclass`,
      [`"${name}"`],
    );
    const indexes = await q<{ name: string; unique: boolean; columns: string[] }>(
      `SELECT i.relname AS name, x.indisunique AS unique, ${cols('x.indkey::int2[]', 'x.indrelid')} AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [`"${name}"`],
    );
    const triggers = await q<{ name: string }>(
      `SELECT tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE tgrelid = $1::regclass AND NOT tgisinternal
          AND p.proname NOT IN ('narada_reference_check', 'narada_referenced_check')
        ORDER BY tgname`,
      [`"${name}"`],
    );
    // References checked per statement by trigger (migration 1796428800000) stand for the foreign key
    // named in their arguments; the triggers that keep them are not triggers of the schema's own.
    const checked = await q<CheckedReference>(toPostgres(CHECKED_REFERENCES).text, [name]);
    for (const ref of checked) {
      constraints.push({
        name: ref.name,
        type: 'f',
        columns: [ref.column],
        target: ref.parent,
        targetColumns: [ref.parentColumn],
        del: 'a',
      });
    }
    const kinds: Record<string, string> = { u: 'UNIQUE', f: 'FOREIGN KEY', c: 'CHECK' };
    shape[name] = {
      columns: columns.map((c) => column(c.name, c.type, c.nullable === 'NO', c.dflt)),
      primaryKey: constraints.find((c) => c.type === 'p')?.columns ?? [],
      constraints: constraints
        .filter((c) => kinds[c.type] !== undefined)
        .map((c) => `${kinds[c.type]!} ${c.name}`)
        .sort(),
      foreignKeys: constraints
        .filter((c) => c.type === 'f')
        .map(
          (c) =>
            `(${c.columns.join(',')}) -> ${c.target!.replace(/"/g, '')}(${c.targetColumns!.join(',')}) on delete ${DELETE_RULES[c.del]!}`,
        )
        .sort(),
      uniques: constraints
        .filter((c) => c.type === 'u')
        .map((c) => c.columns.join(','))
        .sort(),
      indexes: indexes.map((i) => `${i.name}${i.unique ? ' UNIQUE' : ''} (${i.columns.join(',')})`).sort(),
      triggers: triggers.map((t) => t.name),
    };
  }
  return shape;
}
