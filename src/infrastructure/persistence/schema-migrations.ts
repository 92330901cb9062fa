// Which migrations the database has had, and applying the rest. Reading the state writes nothing
// (TypeORM's own check creates its table, which two first starts then both tried to do); applying
// happens under an exclusive lock, after reading the state again inside it.
import type { DataSource } from 'typeorm';
import { ConfigurationError } from '../../domain/shared/errors.js';
import { MIGRATIONS_TABLE } from './data-source.js';

export interface MigrationState {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

export async function migrationState(dataSource: DataSource): Promise<MigrationState> {
  const table: unknown[] = await dataSource.query(
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`,
    [MIGRATIONS_TABLE],
  );
  // TypeORM types raw query results as any; its migrations table has `name` and `timestamp`.
  const rows =
    table.length === 0
      ? []
      : ((await dataSource.query(
          `SELECT "name" FROM "${MIGRATIONS_TABLE}" ORDER BY "timestamp", "id"`,
        )) as Array<{ name: string }>);
  const applied = rows.map((row) => row.name);
  const done = new Set(applied);
  const pending = dataSource.migrations.map(migrationName).filter((name) => !done.has(name));
  return { applied, pending };
}

/**
 * Applies pending migrations and returns their names; refuses a database from a newer Narada.
 * `exclusively` runs its work in one transaction holding the database's exclusive lock.
 */
export async function applyPendingMigrations(
  dataSource: DataSource,
  path: string,
  exclusively: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<string[]> {
  if (!(await needsWork(dataSource, path))) return [];
  return exclusively(async () => {
    // Another process may have applied them while this one waited for the lock.
    if (!(await needsWork(dataSource, path))) return [];
    // All in the one transaction the lock opened: the schema moves to the new version whole or not at all.
    const ran = await dataSource.runMigrations({ transaction: 'none' });
    return ran.map((m) => m.name);
  });
}

async function needsWork(dataSource: DataSource, path: string): Promise<boolean> {
  const { applied, pending } = await migrationState(dataSource);
  const known = new Set(dataSource.migrations.map(migrationName));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      'DATABASE.NEWER_SCHEMA',
      `The database ${path} has migrations this Narada does not know (${unknown.join(', ')}); ` +
        'it was written by a newer version. Upgrade Narada, or point DATABASE_URL at another file.',
      { details: { path, unknown } },
    );
  }
  return pending.length > 0;
}

function migrationName(migration: { name?: string; constructor: { name: string } }): string {
  return migration.name ?? migration.constructor.name;
}
