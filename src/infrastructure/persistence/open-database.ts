// Opens Narada's database: PostgreSQL for a postgres:// DATABASE_URL (postgres/postgres-database.ts),
// else the SQLite file: creates its folder, sets the pragmas, applies pending migrations, and hands out
// the TypeORM DataSource beside the raw better-sqlite3 handle of the same connection. Other Narada
// processes may have the same file open: writes wait for each other (write-lock.ts).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { DatabaseFacts, DatabaseIntegrity } from '../../application/ports/database-info.port.js';
import { ConfigurationError } from '../../domain/shared/errors.js';
import { createDataSource } from './data-source.js';
import { ActivityBoard, currentActivity } from './database-activity.js';
import { DamageMarker, isDamage } from './database-damage.js';
import { checkIntegrity } from './database-integrity.js';
import { readDatabaseFacts } from './database-facts.js';
import { keepPrivate, preparePrivateFile, PRIVATE_FOLDER } from '../files/private-files.js';
import { applyPendingMigrations } from './schema-migrations.js';
import { SqliteUnitOfWork } from './sqlite-unit-of-work.js';
import type { EngineDatabase, NaradaDatabase } from './engine-database.js';
import { SqliteRunner } from './sql/sqlite-runner.js';
import { DEFAULT_LOCK_WAIT_MS, type WriteLockOptions } from './write-lock.js';

export interface OpenDatabaseOptions {
  /** File path of the database (`DATABASE_URL` without its `sqlite:` prefix). */
  readonly path: string;
  /** How long a write waits for other processes' writes before failing with DATABASE.BUSY. */
  readonly lockWaitMs?: number;
  /** What this process does, shown to another one that waits too long (default: its command words). */
  readonly activity?: string;
  /** A postgres:// URL (password included): selects PostgreSQL instead of the file at `path`. */
  readonly url?: string | null;
}

export type { NaradaDatabase } from './engine-database.js';

/** What the SQLite adapters work with, only inside persistence/ (repositories.ts hands them out). */
export interface SqliteDatabase extends EngineDatabase {
  readonly engine: 'sqlite';
  readonly sql: SqliteRunner;
  readonly dataSource: DataSource;
  /** The connection TypeORM uses, for bulk paths (prepared statements in one transaction). */
  readonly sqlite: Database.Database;
  /** Transactions and write ordering; repositories route every write through it. */
  readonly unitOfWork: SqliteUnitOfWork;
}

/** The SQLite side of a database openDatabase opened; anything else is a programming error. */
export function asSqliteDatabase(database: NaradaDatabase): SqliteDatabase {
  if (database instanceof OpenedDatabase) return database;
  throw new Error(`${database.path} was not opened by openDatabase on SQLite`);
}

/** The engine side of a database openDatabase opened, for the stores. */
export function asEngineDatabase(database: NaradaDatabase): EngineDatabase {
  const engine = (database as Partial<EngineDatabase>).engine;
  if (engine === 'sqlite' || engine === 'postgres') return database as EngineDatabase;
  throw new Error(`${database.path} was not opened by openDatabase`);
}

/**
 * Opens the database `DATABASE_URL` names: PostgreSQL when `url` is a postgres:// URL (`path` is then
 * its display form, without password), else the SQLite file at `path`.
 */
export async function openDatabase(
  options: OpenDatabaseOptions & { readonly url: string },
): Promise<EngineDatabase>;
export async function openDatabase(options: OpenDatabaseOptions): Promise<SqliteDatabase>;
export async function openDatabase(options: OpenDatabaseOptions): Promise<EngineDatabase> {
  if (options.url !== undefined && options.url !== null) {
    const { openPostgresDatabase } = await import('./postgres/postgres-database.js');
    return openPostgresDatabase({ url: options.url, activity: options.activity });
  }
  return openSqliteDatabase(options);
}

async function openSqliteDatabase(options: OpenDatabaseOptions): Promise<SqliteDatabase> {
  const file = resolve(options.path);
  const opened: { connection?: Database.Database } = {};
  const dataSource = createDataSource(file, (connection) => (opened.connection = connection));
  const damage = new DamageMarker(file);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
    preparePrivateFile(file);
    for (const companion of [`${file}-wal`, `${file}-shm`]) keepPrivate(companion);
    await dataSource.initialize();
  } catch (error) {
    if (isDamage(error)) throw damage.translate(error);
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
  const board = new ActivityBoard(file);
  const lock = {
    path: file,
    waitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
    others: () => board.others(),
  };
  const database = new OpenedDatabase(file, dataSource, opened.connection, board, lock, damage);
  board.register(options.activity ?? currentActivity(), Date.now());
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw damage.translate(error);
  }
  return database;
}

class OpenedDatabase implements SqliteDatabase {
  readonly engine = 'sqlite' as const;
  readonly unitOfWork: SqliteUnitOfWork;
  readonly sql: SqliteRunner;

  constructor(
    readonly path: string,
    readonly dataSource: DataSource,
    readonly sqlite: Database.Database,
    private readonly board: ActivityBoard,
    lock: WriteLockOptions,
    private readonly damage: DamageMarker,
  ) {
    this.unitOfWork = new SqliteUnitOfWork(sqlite, lock, damage);
    this.sql = new SqliteRunner(sqlite);
  }

  migrate(): Promise<string[]> {
    return applyPendingMigrations(this.dataSource, this.path, (work) => this.unitOfWork.exclusive(work));
  }

  info(): Promise<DatabaseFacts> {
    return readDatabaseFacts(this.dataSource, this.path);
  }

  checkIntegrity(): Promise<DatabaseIntegrity> {
    return Promise.resolve(checkIntegrity(this.sqlite, this.path, this.damage));
  }

  async close(): Promise<void> {
    this.board.unregister();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
