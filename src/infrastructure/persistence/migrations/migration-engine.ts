// Which engine a migration runs on, for the few statements that have no common form (SQLite cannot
// drop a constraint; PostgreSQL has no PRAGMA). PostgreSQL's runner (postgres-migrations.ts) says so;
// TypeORM's SQLite runner does not.
import type { QueryRunner } from 'typeorm';

export type MigrationEngine = 'sqlite' | 'postgres';

/** The property PostgreSQL's migration runner carries, set to 'postgres'. */
export const MIGRATION_ENGINE = 'naradaEngine';

export function migrationEngine(queryRunner: QueryRunner): MigrationEngine {
  return (queryRunner as unknown as Record<string, unknown>)[MIGRATION_ENGINE] === 'postgres'
    ? 'postgres'
    : 'sqlite';
}
