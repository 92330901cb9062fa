// A real Narada database file in a fresh temp folder, with every repository over it.
import { afterEach, beforeEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import type { DailyListens } from '../../../src/domain/history/play.js';
import type { PlaylistDraft } from '../../../src/domain/playlist/playlist.js';
import type { TrackDraft, TrackId } from '../../../src/domain/track/track.js';
import { openDatabase, type SqliteDatabase } from '../../../src/infrastructure/persistence/open-database.js';
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

export interface TempDatabase {
  readonly folder: string;
  readonly db: SqliteDatabase;
  readonly repos: Repositories;
  /** Closes the database and removes the folder. */
  dispose(): Promise<void>;
}

export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'narada-persistence-'));
}

export async function openTempDatabase(): Promise<TempDatabase> {
  const folder = tempFolder();
  const db = await openDatabase({ path: join(folder, 'narada.db') });
  return {
    folder,
    db,
    repos: createRepositories(db),
    dispose: async () => {
      await db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database for each test of the enclosing describe, disposed after it. What is returned stands
 * for whichever is open, so a describe names it once instead of opening and disposing it by hand.
 */
export function tempDatabasePerTest(): Omit<TempDatabase, 'dispose'> {
  let current: TempDatabase | undefined;
  beforeEach(async () => {
    current = await openTempDatabase();
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
    get repos() {
      return open().repos;
    },
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
