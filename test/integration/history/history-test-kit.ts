// A real Narada database in a temp folder with the listening-history wiring over it: the recorder
// with its SQLite stores, and counts read straight from the tables to check what was stored.
import type { Clock } from '../../../src/application/ports/clock.port.js';
import { ListenRecorder, type ListenToRecord } from '../../../src/application/history/listen-recorder.js';
import {
  IdentityMemo,
  lastfmListenToRecord,
  spotifyListenToRecord,
} from '../../../src/application/history/upstream-listens.js';
import type { ListenRecordingStore } from '../../../src/application/ports/listen-recording-store.port.js';
import type { PlayHistoryQuery } from '../../../src/application/ports/play-history-query.port.js';
import { openTempDatabase, type TempDatabase } from '../persistence/temp-database.js';
import { aClock, aLastfmListen } from '../../builders/index.js';
import { spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';

export const FIXED_NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface HistoryKit extends TempDatabase {
  readonly clock: Clock;
  readonly store: ListenRecordingStore;
  readonly recorder: ListenRecorder;
  readonly playHistory: PlayHistoryQuery;
  count(
    table: 'listening_events' | 'plays' | 'tracks' | 'connector_tracks' | 'track_mappings',
  ): Promise<number>;
  /** Plays that count as listens (not duplicates of another capture). */
  countedPlays(): Promise<number>;
  /** Sum of daily listen counts. */
  dailyTotal(): Promise<number>;
  /**
   * References the database no longer checks (migration 11) that point at no row: a play's event, a
   * duplicate's first play, an event's import run. The recorder keeps them whole; this says if not.
   */
  danglingReferences(): Promise<number>;
}

export async function openHistoryKit(now: () => number = () => FIXED_NOW): Promise<HistoryKit> {
  const temp = await openTempDatabase();
  const clock: Clock = aClock(now);
  const store = temp.repos.listenRecording;
  const recorder = new ListenRecorder({
    store,
    tracks: temp.repos.provisionalTracks,
    unitOfWork: temp.repos.unitOfWork,
    clock,
  });
  const scalar = async (sql: string) => (await temp.query<{ n: number | null }>(sql))[0]?.n ?? 0;
  return {
    ...temp,
    clock,
    store,
    recorder,
    playHistory: temp.repos.playHistory,
    count: (table) => scalar(`SELECT COUNT(*) AS "n" FROM "${table}"`),
    countedPlays: () => scalar(`SELECT COUNT(*) AS n FROM "plays" WHERE "duplicate_of" IS NULL`),
    dailyTotal: () => scalar(`SELECT SUM("listen_count") AS n FROM "daily_listens"`),
    danglingReferences: () =>
      scalar(`SELECT
        (SELECT COUNT(*) FROM "plays" p WHERE NOT EXISTS
          (SELECT 1 FROM "listening_events" e WHERE e."id" = p."event_id")) +
        (SELECT COUNT(*) FROM "plays" p WHERE p."duplicate_of" IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM "plays" f WHERE f."id" = p."duplicate_of")) +
        (SELECT COUNT(*) FROM "listening_events" e WHERE e."import_run_id" IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM "import_runs" r WHERE r."id" = e."import_run_id")) AS n`),
  };
}

const identities = new IdentityMemo();

/** A 200 s Spotify export listen to track `n` by "Band", as the recorder takes it. */
export function aStreamedListen(
  user: string,
  playedAt: number,
  n: number,
  title = `Song ${n}`,
): ListenToRecord {
  const uri = spotifyTrackUri(n);
  return spotifyListenToRecord(
    { playedAt, msPlayed: 200_000, artist: 'Band', title, album: 'Album', trackKey: uri, trackUri: uri },
    '{}',
    user,
    null,
    identities,
  );
}

/** A Last.fm scrobble by "Band", as the recorder takes it. */
export function aScrobbledListen(user: string, playedAt: number, title: string): ListenToRecord {
  return lastfmListenToRecord(aLastfmListen(playedAt, { title }), user, null, identities);
}
