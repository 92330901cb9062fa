// DATABASE_URL: `sqlite:/path/narada.db` (or unset: NARADA_HOME/narada.db) or
// `postgres://user[:password]@host[:port]/db`. The password is a secret: what is shown anywhere is
// the display form, `postgres://user@host:port/db`, which never carries it.
import { isAbsolute, join, resolve } from 'node:path';
import { InvalidInputError } from '../../domain/shared/errors.js';

export interface DatabaseLocation {
  /** The SQLite file, or the PostgreSQL display URL (no password). */
  readonly path: string;
  /** The PostgreSQL connection URL, password included; null for SQLite. */
  readonly url: string | null;
  /** The password, when the URL has one, so logs can redact it. */
  readonly secret: string | null;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `postgres://user@host:port/db`: never the password, whatever the URL held. */
export function displayDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}@`;
    return `postgres://${user}${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

export function parseDatabaseUrl(url: string | null, home: string, cwd: string): DatabaseLocation {
  if (url === null) return { path: join(home, 'narada.db'), url: null, secret: null };
  if (isPostgresUrl(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidInputError(
        'CONFIG.DATABASE_URL',
        'DATABASE_URL is not a readable postgres:// URL; use postgres://user[:password]@host:port/database',
      );
    }
    if (parsed.hostname === '' || parsed.pathname.length <= 1) {
      throw new InvalidInputError(
        'CONFIG.DATABASE_URL',
        `DATABASE_URL ${displayDatabaseUrl(url)} names no host or no database; use postgres://user[:password]@host:port/database`,
      );
    }
    const password = parsed.password === '' ? null : decodeURIComponent(parsed.password);
    return { path: displayDatabaseUrl(url), url, secret: password };
  }
  const match = /^sqlite:(?:\/\/)?(.+)$/i.exec(url);
  if (!match || match[1]!.trim() === '') {
    throw new InvalidInputError(
      'CONFIG.DATABASE_URL',
      `DATABASE_URL "${url}" is not understood; use sqlite:/absolute/path/narada.db, sqlite:relative/path.db or postgres://user@host:port/database`,
    );
  }
  const path = match[1]!;
  return {
    path: path === ':memory:' ? path : isAbsolute(path) ? path : resolve(cwd, path),
    url: null,
    secret: null,
  };
}
