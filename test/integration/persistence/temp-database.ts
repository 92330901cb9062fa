// A real Narada database in a fresh temp folder, with every repository over it: a SQLite file, or in
// the PostgreSQL run (NARADA_TEST_DATABASE_URL set) a fresh schema in this test file's own database.
import { afterAll, afterEach, beforeEach } from '@jest/globals';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import type { DailyListens } from '../../../src/domain/history/play.js';
import type { PlaylistDraft } from '../../../src/domain/playlist/playlist.js';
import type { TrackDraft, TrackId } from '../../../src/domain/track/track.js';
import type { EngineDatabase } from '../../../src/infrastructure/persistence/engine-database.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import type { Params } from '../../../src/infrastructure/persistence/sql/sql-runner.js';
import {
  createRepositories,
  type Repositories,
} from '../../../src/infrastructure/persistence/repositories.js';
import {
  aListeningEvent,
  aPlaylist,
  aTrack,
  BUILT_AT,
  type PlaylistOverrides,
  type TrackOverrides,
} from '../../builders/index.js';
import { dropFileDatabase, freshSchemaUrl, onPostgres } from './postgres-test-database.js';

export { onPostgres } from './postgres-test-database.js';

// Each test file's PostgreSQL database goes when the file is done.
if (onPostgres) afterAll(dropFileDatabase);

/** The driver's code for a foreign key violation on the engine of this run. */
export const FOREIGN_KEY_VIOLATION = onPostgres ? '23503' : 'SQLITE_CONSTRAINT_FOREIGNKEY';
export const NOT_NULL_VIOLATION = onPostgres ? '23502' : 'SQLITE_CONSTRAINT_NOTNULL';

/** The open database; `sqlite` is the raw handle of the SQLite run (a SQLite-only test's business). */
export type TestDatabase = EngineDatabase & { readonly sqlite: Database.Database };

export interface TempDatabase {
  readonly folder: string;
  readonly db: TestDatabase;
  /** The PostgreSQL URL it was opened with (its fresh schema), or null for the SQLite file folder/narada.db. */
  readonly url: string | null;
  readonly repos: Repositories;
  /** Rows of any SQL with `?` or `@name` placeholders, on whichever engine is open. */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** Closes the database and removes the folder. */
  dispose(): Promise<void>;
}

export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'narada-persistence-'));
}

/** Which engine a test opens: the run's (default), or SQLite in both runs for SQLite's own machinery. */
export interface TempDatabaseOptions {
  readonly sqliteOnly?: boolean;
}

export async function openTempDatabase(options: TempDatabaseOptions = {}): Promise<TempDatabase> {
  const folder = tempFolder();
  const { db, url, drop } = await openTestDatabase(join(folder, 'narada.db'), options);
  return {
    folder,
    db,
    url,
    repos: createRepositories(db),
    query: (sql, params) => db.sql.all(sql, params),
    dispose: async () => {
      await db.close();
      await drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the database of this run at `path` (SQLite) or in a fresh schema (PostgreSQL); `drop` removes
 * the schema after `close`.
 */
export async function openTestDatabase(
  path: string,
  options: TempDatabaseOptions = {},
): Promise<{ db: TestDatabase; url: string | null; drop: () => Promise<void> }> {
  if (!onPostgres || options.sqliteOnly === true) {
    const db = await openDatabase({ path });
    return { db, url: null, drop: () => Promise.resolve() };
  }
  const schema = await freshSchemaUrl();
  const db = await openDatabase({ path, url: schema.url });
  const sqliteOnly = Object.defineProperty(db, 'sqlite', {
    get: () => {
      throw new Error('This test reads SQLite directly: use temp.query(...) to run on PostgreSQL too');
    },
  }) as TestDatabase;
  return { db: sqliteOnly, url: schema.url, drop: schema.drop };
}

/**
 * A fresh database for each test of the enclosing describe, disposed after it. What is returned stands
 * for whichever is open, so a describe names it once instead of opening and disposing it by hand.
 */
export function tempDatabasePerTest(options: TempDatabaseOptions = {}): Omit<TempDatabase, 'dispose'> {
  let current: TempDatabase | undefined;
  beforeEach(async () => {
    current = await openTempDatabase(options);
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  const open = (): TempDatabase => {
    if (current === undefined) throw new Error('the database is open only inside a test or its hooks');
    return current;
  };
  return {
    get folder() {
      return open().folder;
    },
    get db() {
      return open().db;
    },
    get url() {
      return open().url;
    },
    get repos() {
      return open().repos;
    },
    query: (sql, params) => open().query(sql, params),
  };
}

/** A draft with aTrack's defaults: everything a new track needs, nothing the database assigns. */
export function aTrackDraft(overrides: Omit<TrackOverrides, 'id' | 'mergedInto'> = {}): TrackDraft {
  const {
    id: _id,
    mergedInto: _mergedInto,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...draft
  } = aTrack(overrides);
  return draft;
}

export const AT = BUILT_AT;

/** How many rows a table holds, as `narada status` reports it. */
export async function rowCount(repos: Repositories, table: string): Promise<number | undefined> {
  return (await repos.databaseInfo.info()).rowCounts[table];
}

/**
 * Stores events in the ledger with a play of each for its track, through the recorder's store; the
 * ids the events got. Unlike the recorder, it leaves the daily roll-ups to the caller.
 */
export async function seedPlays(
  repos: Repositories,
  plays: readonly { readonly event: RawListeningEvent; readonly trackId: TrackId }[],
): Promise<number[]> {
  const ids = await repos.listenRecording.appendEvents(plays.map((p) => p.event));
  await repos.listenRecording.insertPlays(
    plays.map(({ event, trackId }, n) => ({
      eventId: ids[n]!,
      user: event.user,
      trackId,
      playedAt: event.playedAt,
      msPlayed: event.msPlayed,
      duplicateOf: null,
    })),
  );
  return ids.map((id) => id!);
}

/**
 * Stores daily roll-ups as the recorder leaves them: each row with a ledger event and a play of that
 * user and track at noon UTC of its day (a track's roll-ups are found through its plays).
 */
export async function seedDailyListens(repos: Repositories, rows: readonly DailyListens[]): Promise<void> {
  await seedPlays(
    repos,
    rows.map((row, n) => ({
      event: aListeningEvent({ user: row.user, playedAt: Date.parse(`${row.date}T12:00:00Z`) + n }),
      trackId: row.trackId,
    })),
  );
  await repos.listenRecording.addDailyListens(rows);
}

/** A playlist as a connector hands it over: everything but the id Narada gives it. */
export function aPlaylistDraft(overrides: PlaylistOverrides = {}): PlaylistDraft {
  const { id: _id, ...draft } = aPlaylist(overrides);
  return draft;
}
