// Stepping a test database's schema back and forth by migration name, so a test of one migration
// does not have to count the migrations that came after it (each new one would break it).
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../src/infrastructure/persistence/migrations/all-migrations.js';

/** Every migration's name, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((migration) => migration.name);

/** The newest migration's name (what `latestMigration` reports on an up-to-date database). */
export const LATEST_MIGRATION = MIGRATION_NAMES.at(-1)!;

/** The names from `first` to the newest, in order: what migrating applies after `undoBackTo(first)`. */
export function migrationsFrom(first: string): string[] {
  const at = MIGRATION_NAMES.indexOf(first);
  if (at < 0) throw new Error(`No migration named ${first}`);
  return MIGRATION_NAMES.slice(at);
}

/** Undoes migrations, newest first, until `first` and every later one are undone. */
export async function undoBackTo(dataSource: DataSource, first: string): Promise<void> {
  for (let steps = migrationsFrom(first).length; steps > 0; steps -= 1) {
    await dataSource.undoLastMigration();
  }
}
