// What `narada db copy` reads of a database's schema, from the database itself (not a hand-kept list):
// its tables (all but the migrations bookkeeping and the transient job tables), their columns and types, primary keys and the
// foreign keys (on PostgreSQL also the references its triggers check) that order them parents first.
import type { CopyTable } from '../../../application/ports/database-copy.port.js';
import { CHECKED_REFERENCES, type CheckedReference } from '../postgres/checked-references.js';
import type { SqlRunner } from '../sql/sql-runner.js';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * What a database keeps for the processes using it now, not the library: the last progress event of
 * each job, the shared rate-limit slots (docs/SERVE.md) and what each server user plays now (docs/INTAKE.md).
 * No side's are copied or compared.
 */
export const TRANSIENT_TABLES: readonly string[] = ['job_events', 'playing_now', 'rate_limit_slots'];

export interface TableShape extends CopyTable {
  /** Lower-case declared type per column: `boolean` columns are converted between engines. */
  readonly types: Readonly<Record<string, string>>;
  /** Tables this one refers to (itself excluded). */
  readonly parents: readonly string[];
}

export async function readTables(sql: SqlRunner): Promise<TableShape[]> {
  const shapes = sql.engine === 'sqlite' ? await sqliteTables(sql) : await postgresTables(sql);
  return parentsFirst(shapes.filter((table) => !TRANSIENT_TABLES.includes(table.name)));
}

async function sqliteTables(sql: SqlRunner): Promise<TableShape[]> {
  const names = await sql.all<{ name: string }>(
    `SELECT "name" AS "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND "name" <> ?`,
    [MIGRATIONS_TABLE],
  );
  const shapes: TableShape[] = [];
  for (const { name } of names) {
    const columns = await sql.all<{ name: string; type: string; pk: number }>(
      `SELECT "name" AS "name", "type" AS "type", "pk" AS "pk" FROM pragma_table_info(?) ORDER BY "cid"`,
      [name],
    );
    const foreign = await sql.all<{ parent: string; column: string }>(
      `SELECT "table" AS "parent", "from" AS "column" FROM pragma_foreign_key_list(?)`,
      [name],
    );
    shapes.push(
      shape(
        name,
        columns.map((c) => ({ name: c.name, type: c.type })),
        columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        foreign,
      ),
    );
  }
  return shapes;
}

async function postgresTables(sql: SqlRunner): Promise<TableShape[]> {
  const names = await sql.all<{ name: string }>(
    `SELECT c.relname AS "name" FROM pg_class c
      WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND c.relkind = 'r' AND c.relname <> ?`,
    [MIGRATIONS_TABLE],
  );
  const shapes: TableShape[] = [];
  for (const { name } of names) {
    const relation = `"${name}"`;
    const columns = await sql.all<{ name: string; type: string }>(
      `SELECT a.attname AS "name", format_type(a.atttypid, a.atttypmod) AS "type" FROM pg_attribute a
        WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [relation],
    );
    const key = await sql.all<{ name: string }>(
      `SELECT a.attname AS "name" FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k("attnum", "ord")
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k."attnum"
        WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary ORDER BY k."ord"`,
      [relation],
    );
    const foreign = await sql.all<{ parent: string; column: string }>(
      `SELECT p.relname AS "parent", a.attname AS "column" FROM pg_constraint c
         JOIN pg_class p ON p.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
        WHERE c.conrelid = CAST(? AS regclass) AND c.contype = 'f'`,
      [relation],
    );
    // The references checked per statement by trigger order the tables just as foreign keys do.
    const checked = await sql.all<CheckedReference>(CHECKED_REFERENCES, [name]);
    shapes.push(
      shape(
        name,
        columns,
        key.map((k) => k.name),
        [...foreign, ...checked.map((c) => ({ parent: c.parent, column: c.column }))],
      ),
    );
  }
  return shapes;
}

function shape(
  name: string,
  columns: readonly { name: string; type: string }[],
  key: readonly string[],
  foreign: readonly { parent: string; column: string }[],
): TableShape {
  if (key.length === 0) {
    throw new Error(`Table ${name} has no primary key: narada db copy pages every table by its key`);
  }
  return {
    name,
    columns: columns.map((c) => c.name),
    key,
    types: Object.fromEntries(columns.map((c) => [c.name, c.type.toLowerCase()])),
    parents: [...new Set(foreign.filter((f) => f.parent !== name).map((f) => f.parent))].sort(),
    selfReferences: [...new Set(foreign.filter((f) => f.parent === name).map((f) => f.column))].sort(),
  };
}

/** Tables ordered so each comes after every table it refers to; ties by name, so the order is stable. */
export function parentsFirst(tables: readonly TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableShape) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name)) {
      throw new Error(`Tables refer to each other in a cycle through ${table.name}; no copy order exists`);
    }
    visiting.add(table.name);
    for (const parent of table.parents) {
      const found = byName.get(parent);
      if (found !== undefined) visit(found);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}
