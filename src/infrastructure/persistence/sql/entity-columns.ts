// The table and columns of a TypeORM entity class, read from its decorators (no DataSource needed),
// so bulk writers on either engine name columns exactly as the entities do.
import { getMetadataArgsStorage } from 'typeorm';

export interface EntityColumn {
  readonly property: string;
  readonly name: string;
  /** The declared SQLite-style type: integer, text, real, boolean, blob. */
  readonly type: string;
}

export interface EntityTable {
  readonly table: string;
  readonly columns: readonly EntityColumn[];
}

/** An entity class (or a class it extends), as TypeORM's decorators record it. */
type EntityClass = abstract new (...args: never[]) => object;

const known = new Map<EntityClass, EntityTable>();

export function entityTable(entity: EntityClass): EntityTable {
  const cached = known.get(entity);
  if (cached !== undefined) return cached;
  const storage = getMetadataArgsStorage();
  const tableArgs = storage.tables.find((t) => t.target === entity);
  if (tableArgs?.name === undefined) throw new Error(`${entity.name} is not a named @Entity`);
  // Own columns and those of the classes it extends (run-row.ts), each property once.
  const chain: unknown[] = [];
  for (let c: unknown = entity; typeof c === 'function' && c !== Function.prototype;) {
    chain.push(c);
    c = Object.getPrototypeOf(c);
  }
  const seen = new Set<string>();
  const columns: EntityColumn[] = [];
  for (const target of [...chain].reverse()) {
    for (const column of storage.columns.filter((c) => c.target === target)) {
      if (seen.has(column.propertyName)) continue;
      seen.add(column.propertyName);
      columns.push({
        property: column.propertyName,
        name: column.options.name ?? column.propertyName,
        type: String(column.options.type ?? 'text'),
      });
    }
  }
  const table = { table: tableArgs.name, columns };
  known.set(entity, table);
  return table;
}
