// Which migrations the database has had, and applying the rest (each in its own transaction).
import { type DataSource, MigrationExecutor } from 'typeorm';
import { ConfigurationError } from '../../domain/shared/errors.js';

export interface MigrationState {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

export async function migrationState(dataSource: DataSource): Promise<MigrationState> {
  const executor = new MigrationExecutor(dataSource);
  // One after the other: both create the migrations table when it is missing.
  const applied = await executor.getExecutedMigrations();
  const pending = await executor.getPendingMigrations();
  // TypeORM lists executed migrations newest first; callers read them in the order they applied.
  const inOrder = [...applied].sort((a, b) => a.timestamp - b.timestamp);
  return { applied: inOrder.map((m) => m.name), pending: pending.map((m) => m.name) };
}

/** Applies pending migrations and returns their names; refuses a database from a newer Narada. */
export async function applyPendingMigrations(dataSource: DataSource, path: string): Promise<string[]> {
  const known = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name));
  const { applied } = await migrationState(dataSource);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      'DATABASE.NEWER_SCHEMA',
      `The database ${path} has migrations this Narada does not know (${unknown.join(', ')}); ` +
        'it was written by a newer version. Upgrade Narada, or point DATABASE_URL at another file.',
      { details: { path, unknown } },
    );
  }
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}
