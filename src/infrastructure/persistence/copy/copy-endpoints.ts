// The two sides of `narada db copy`: the configured database and the one the URL names. Each is probed
// first without changing it (which migrations it has), then opened the way Narada opens its database
// (an empty one is migrated). A password in a URL is kept out of every message: sides are shown by their
// display form, and any error from a side has the password cut out before it goes further.
import { existsSync } from 'node:fs';
import type pg from 'pg';
import type {
  CopySide,
  CopySideProbe,
  DatabaseCopyEndpoints,
} from '../../../application/ports/database-copy.port.js';
import { ConfigurationError, InvalidInputError } from '../../../domain/shared/errors.js';
import { parseDatabaseUrl, type DatabaseLocation } from '../../config/database-url.js';
import { MIGRATIONS } from '../migrations/all-migrations.js';
import { MIGRATIONS_TABLE } from './copy-schema.js';
import { EngineCopySide } from './engine-copy-side.js';

export interface CopyEndpointsConfig {
  /** The configured database: the SQLite file or the PostgreSQL display URL. */
  readonly databasePath: string;
  /** The configured postgres:// URL (password included), or null for SQLite. */
  readonly databaseUrl: string | null;
  readonly home: string;
  readonly cwd: string;
}

const KNOWN = MIGRATIONS.map((migration) => migration.name);

export class EngineCopyEndpoints implements DatabaseCopyEndpoints {
  constructor(private readonly config: CopyEndpointsConfig) {}

  configured(): Promise<CopySideProbe> {
    const { databasePath, databaseUrl } = this.config;
    const password = databaseUrl === null ? null : passwordOf(databaseUrl);
    return probe({ path: databasePath, url: databaseUrl, secret: password });
  }

  other(url: string): Promise<CopySideProbe> {
    const location = parseDatabaseUrl(url.trim(), this.config.home, this.config.cwd);
    const configuredUrl = this.config.databaseUrl;
    const same =
      location.url === null
        ? configuredUrl === null && location.path === this.config.databasePath
        : location.url === configuredUrl;
    if (same) {
      throw new InvalidInputError(
        'DB_COPY.SAME_DATABASE',
        `${location.path} is the configured database itself; name another database to copy to or from.`,
      );
    }
    return probe(location);
  }
}

async function probe(location: DatabaseLocation): Promise<CopySideProbe> {
  const display = location.path;
  const applied = await scrubbing(location.secret, () =>
    location.url === null ? sqliteApplied(location.path) : postgresApplied(location.url, display),
  );
  return {
    display,
    applied,
    known: KNOWN,
    open: () =>
      scrubbing(location.secret, async () => {
        const { openDatabase } = await import('../open-database.js');
        const db = await openDatabase({ path: location.path, url: location.url, activity: 'narada db copy' });
        return guarded(new EngineCopySide(display, db), location.secret);
      }),
  };
}

async function sqliteApplied(path: string): Promise<string[]> {
  if (path === ':memory:' || !existsSync(path)) return [];
  const { default: Database } = await import('better-sqlite3');
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ConfigurationError(
      'DATABASE.OPEN_FAILED',
      `Cannot open the database ${path}: ${error instanceof Error ? error.message : String(error)}.`,
      { details: { path } },
    );
  }
  try {
    const table = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(MIGRATIONS_TABLE);
    if (table === undefined) return [];
    const rows = db.prepare(`SELECT "name" FROM "${MIGRATIONS_TABLE}" ORDER BY "timestamp", "id"`).all() as {
      name: string;
    }[];
    return rows.map((r) => r.name);
  } finally {
    db.close();
  }
}

async function postgresApplied(url: string, display: string): Promise<string[]> {
  const { default: postgres } = await import('pg');
  const { postgresMigrationState } = await import('../postgres/postgres-migrations.js');
  const client = new postgres.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { applied } = await postgresMigrationState(client as unknown as pg.PoolClient, MIGRATIONS);
    return [...applied];
  } catch (error) {
    throw new ConfigurationError(
      'DATABASE.OPEN_FAILED',
      `Cannot connect to the database ${display}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that PostgreSQL runs there, that the database exists and that the URL names the right user.',
      { details: { path: display } },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function passwordOf(url: string): string | null {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? null : password;
  } catch {
    return null;
  }
}

/** Runs `work`; an error it throws leaves with `secret` cut out of its message. */
async function scrubbing<T>(secret: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw scrub(error, secret);
  }
}

function scrub(error: unknown, secret: string | null): unknown {
  if (secret === null || secret.length === 0 || !(error instanceof Error)) return error;
  const encoded = encodeURIComponent(secret);
  for (const text of [secret, encoded]) {
    if (error.message.includes(text)) error.message = error.message.split(text).join('***');
    if (error.stack?.includes(text)) error.stack = error.stack.split(text).join('***');
  }
  return error;
}

/** Every method of `side`, with errors scrubbed of `secret`. */
function guarded(side: CopySide, secret: string | null): CopySide {
  if (secret === null) return side;
  return new Proxy(side, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => scrubbing(secret, () => Promise.resolve(value.apply(target, args)));
    },
  });
}
