// Portable SQL for one entity's table, built from its decorators: the column list aliased to the
// entity's property names (quoted, so PostgreSQL keeps their case), INSERT/UPDATE with `@property`
// parameters, and rows read back with booleans as booleans on both engines.
import { type EntityColumn, entityTable } from './entity-columns.js';
import { readBoolean, type SqlValue } from './sql-runner.js';

export class EntitySql<E extends object> {
  readonly table: string;
  readonly columns: readonly EntityColumn[];
  private readonly booleans: readonly EntityColumn[];

  constructor(entity: new () => E) {
    const { table, columns } = entityTable(entity);
    this.table = `"${table}"`;
    this.columns = columns;
    this.booleans = columns.filter((c) => c.type === 'boolean');
  }

  /** `alias."column" AS "property", ...` for every column. */
  select(alias = ''): string {
    const prefix = alias === '' ? '' : `${alias}.`;
    return this.columns.map((c) => `${prefix}"${c.name}" AS "${c.property}"`).join(', ');
  }

  /** The column name of a property, quoted. */
  column(property: keyof E & string): string {
    const found = this.columns.find((c) => c.property === property);
    if (found === undefined) throw new Error(`${this.table} has no property ${property}`);
    return `"${found.name}"`;
  }

  /** `INSERT INTO table (...) VALUES (@property, ...)` without the `omit` columns. */
  insert(omit: readonly (keyof E & string)[] = []): string {
    const columns = this.columns.filter((c) => !omit.includes(c.property as keyof E & string));
    return `INSERT INTO ${this.table} (${columns.map((c) => `"${c.name}"`).join(', ')})
      VALUES (${columns.map((c) => `@${c.property}`).join(', ')})`;
  }

  /** `UPDATE table SET column = @property, ... WHERE <where>` for the given properties. */
  update(properties: readonly (keyof E & string)[], where: string): string {
    return `UPDATE ${this.table} SET ${properties.map((p) => `${this.column(p)} = @${p}`).join(', ')} WHERE ${where}`;
  }

  /** A row (or part of one) as named parameters. */
  params(row: Partial<E>): Record<string, SqlValue> {
    return row as Record<string, SqlValue>;
  }

  /** A row as read through `select()`: booleans made booleans (SQLite stores 0/1). */
  read(row: Record<string, unknown>): E {
    for (const c of this.booleans) {
      const value = row[c.property];
      if (value !== null && value !== undefined) row[c.property] = readBoolean(value);
    }
    return row as E;
  }
}
