// Opens Narada's PostgreSQL database (DATABASE_URL=postgres://...): a pg Pool whose int8 and numeric
// values come back as JS numbers (refusing any beyond Number.MAX_SAFE_INTEGER), the unit of work
// that binds statements to a transaction's client, and the same migrations as SQLite. Every message
// names the database by its display URL, never with its password.
import pg from 'pg';
import type { DatabaseFacts, DatabaseIntegrity } from '../../../application/ports/database-info.port.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import { displayDatabaseUrl } from '../../config/database-url.js';
import { ENTITIES } from '../data-source.js';
import type { EngineDatabase } from '../engine-database.js';
import { entityTable } from '../sql/entity-columns.js';
import { PostgresRunner } from '../sql/postgres-runner.js';
import { applyPostgresMigrations, postgresMigrationState, refuseNewer } from './postgres-migrations.js';
import { PostgresUnitOfWork } from './postgres-unit-of-work.js';
import { MIGRATIONS } from '../migrations/all-migrations.js';

export interface OpenPostgresOptions {
  readonly url: string;
  readonly activity?: string;
  /** Connections the pool may hold (default 8). */
  readonly connections?: number;
}

const INT8 = 20;
const NUMERIC = 1700;

function safeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) && Number.isInteger(value)) {
    throw new RangeError(`The database returned ${text}, beyond the integers JavaScript holds exactly`);
  }
  return value;
}

/** Per-pool type parsers: pg-boss and others in the process keep pg's defaults. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (format !== 'binary' && (oid === INT8 || oid === NUMERIC)) return safeNumber;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export interface PostgresDatabase extends EngineDatabase {
  readonly engine: 'postgres';
  readonly sql: PostgresRunner;
  readonly unitOfWork: PostgresUnitOfWork;
  readonly pool: pg.Pool;
}

export async function openPostgresDatabase(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const display = displayDatabaseUrl(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.connections ?? 8,
    types: TYPES,
    application_name: (options.activity ?? 'narada').slice(0, 63),
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server is dropped, not thrown at the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionFailed(display, error, options.url);
  }
  const database = new OpenedPostgresDatabase(display, pool);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function connectionFailed(display: string, error: unknown, url: string): ConfigurationError {
  const password = safePassword(url);
  let reason = error instanceof Error ? error.message : String(error);
  if (password !== null && password.length > 0) reason = reason.split(password).join('***');
  return new ConfigurationError(
    'DATABASE.OPEN_FAILED',
    `Cannot connect to the database ${display}: ${reason}. ` +
      'Check that PostgreSQL runs there, that the database exists and that DATABASE_URL names the right user.',
    { details: { path: display } },
  );
}

function safePassword(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return null;
  }
}

class OpenedPostgresDatabase implements PostgresDatabase {
  readonly engine = 'postgres' as const;
  readonly unitOfWork: PostgresUnitOfWork;
  readonly sql: PostgresRunner;

  constructor(
    readonly path: string,
    readonly pool: pg.Pool,
  ) {
    this.unitOfWork = new PostgresUnitOfWork(pool);
    this.sql = new PostgresRunner(this.unitOfWork);
  }

  async migrate(): Promise<string[]> {
    const { applied, pending } = await postgresMigrationState(this.pool);
    refuseNewer(applied, MIGRATIONS, this.path);
    if (pending.length === 0) return [];
    return this.unitOfWork.onClient((client) => applyPostgresMigrations(client, this.path));
  }

  async info(): Promise<DatabaseFacts> {
    const { applied, pending } = await postgresMigrationState(this.pool);
    const rowCounts: Record<string, number> = {};
    for (const entity of ENTITIES) {
      const { table } = entityTable(entity);
      const exists = await this.pool.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [`"${table}"`]);
      if (!(exists.rows[0] as { exists: boolean }).exists) continue;
      const { rows } = await this.pool.query(`SELECT COUNT(*) AS "n" FROM "${table}"`);
      rowCounts[table] = (rows[0] as { n: number }).n;
    }
    return {
      path: this.path,
      schemaVersion: applied.length,
      latestMigration: applied.at(-1) ?? null,
      pendingMigrations: pending.length,
      rowCounts,
    };
  }

  checkIntegrity(): Promise<DatabaseIntegrity> {
    // PostgreSQL checks its own pages (checksums, WAL); there is no file for Narada to read through.
    return Promise.resolve({ state: 'not_checked', problems: [], recovery: null });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
