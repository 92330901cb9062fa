// The facts `narada status` shows about the database: schema version, pending migrations, rows.
import type { DataSource } from 'typeorm';
import type { DatabaseFacts } from '../../application/ports/database-info.port.js';
import { isDamage } from './database-damage.js';
import { migrationState } from './schema-migrations.js';

export async function readDatabaseFacts(dataSource: DataSource, path: string): Promise<DatabaseFacts> {
  const { applied, pending } = await migrationState(dataSource);
  const rowCounts: Record<string, number> = {};
  for (const metadata of dataSource.entityMetadatas) {
    const rows = await countRows(dataSource, metadata.tableName);
    if (rows !== null) rowCounts[metadata.tableName] = rows;
  }
  return {
    path,
    schemaVersion: applied.length,
    latestMigration: applied.at(-1) ?? null,
    pendingMigrations: pending.length,
    rowCounts,
  };
}

/** `null` for a table a pending migration has yet to create, or whose pages are damaged. */
async function countRows(dataSource: DataSource, table: string): Promise<number | null> {
  try {
    return await countRowsOf(dataSource, table);
  } catch (error) {
    // `narada status` still reports the rest, and its integrity check says what is wrong.
    if (isDamage(error)) return null;
    throw error;
  }
}

async function countRowsOf(dataSource: DataSource, table: string): Promise<number | null> {
  const exists: unknown[] = await dataSource.query(
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`,
    [table],
  );
  if (exists.length === 0) return null;
  // TypeORM types raw query results as any; COUNT(*) always yields one row with `n`.
  const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as [{ n: number }];
  return row.n;
}
