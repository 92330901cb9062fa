// Opens Narada's SQLite database: creates its folder, sets the pragmas, applies pending migrations,
// and hands out the TypeORM DataSource beside the raw better-sqlite3 handle of the same connection.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { DatabaseFacts, DatabaseInfo } from '../../application/ports/database-info.port.js';
import { ConfigurationError } from '../../domain/shared/errors.js';
import { createDataSource } from './data-source.js';
import { readDatabaseFacts } from './database-facts.js';
import { applyPendingMigrations } from './schema-migrations.js';
import { SqliteUnitOfWork } from './sqlite-unit-of-work.js';

export interface OpenDatabaseOptions {
  /** File path of the database (`DATABASE_URL` without its `sqlite:` prefix). */
  readonly path: string;
}

export interface NaradaDatabase extends DatabaseInfo {
  readonly path: string;
  readonly dataSource: DataSource;
  /** The connection TypeORM uses, for bulk paths (prepared statements in one transaction). */
  readonly sqlite: Database.Database;
  /** Transactions and write ordering; repositories route every write through it. */
  readonly unitOfWork: SqliteUnitOfWork;
  /** Applies pending migrations; returns the names applied (none when up to date). */
  migrate(): Promise<string[]>;
  info(): Promise<DatabaseFacts>;
  close(): Promise<void>;
}

export async function openDatabase({ path }: OpenDatabaseOptions): Promise<NaradaDatabase> {
  const file = resolve(path);
  const opened: { connection?: Database.Database } = {};
  const dataSource = createDataSource(file, (connection) => (opened.connection = connection));
  try {
    mkdirSync(dirname(file), { recursive: true });
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigurationError(
      'DATABASE.OPEN_FAILED',
      `Cannot open the database ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that NARADA_HOME or DATABASE_URL points at a writable folder and a Narada database file.',
      { cause: error, details: { path: file } },
    );
  }
  if (opened.connection === undefined) {
    throw new Error('TypeORM opened the database without calling prepareDatabase');
  }
  const database = new OpenedDatabase(file, dataSource, opened.connection);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

class OpenedDatabase implements NaradaDatabase {
  readonly unitOfWork: SqliteUnitOfWork;

  constructor(
    readonly path: string,
    readonly dataSource: DataSource,
    readonly sqlite: Database.Database,
  ) {
    // better-sqlite3 is one connection, so TypeORM hands out one query runner for it.
    this.unitOfWork = new SqliteUnitOfWork(dataSource.createQueryRunner(), sqlite);
  }

  migrate(): Promise<string[]> {
    return this.unitOfWork.write(() => applyPendingMigrations(this.dataSource, this.path));
  }

  info(): Promise<DatabaseFacts> {
    return readDatabaseFacts(this.dataSource, this.path);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
