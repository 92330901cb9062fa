// A real Narada database in a temp folder with the listening-history wiring over it: the recorder
// with its SQLite stores, and counts read straight from the tables to check what was stored.
import type { Clock } from '../../../src/application/ports/clock.port.js';
import { ListenRecorder } from '../../../src/application/history/listen-recorder.js';
import { SqliteListenRecordingStore } from '../../../src/infrastructure/persistence/history/sqlite-listen-recording-store.js';
import { SqlitePlayHistoryQuery } from '../../../src/infrastructure/persistence/history/sqlite-play-history-query.js';
import { SqliteProvisionalTrackStore } from '../../../src/infrastructure/persistence/history/sqlite-provisional-track-store.js';
import { openTempDatabase, type TempDatabase } from '../persistence/temp-database.js';
import { aClock } from '../../builders/index.js';

export const FIXED_NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface HistoryKit extends TempDatabase {
  readonly clock: Clock;
  readonly store: SqliteListenRecordingStore;
  readonly recorder: ListenRecorder;
  readonly playHistory: SqlitePlayHistoryQuery;
  count(table: 'listening_events' | 'plays' | 'tracks' | 'connector_tracks' | 'track_mappings'): number;
  /** Plays that count as listens (not duplicates of another capture). */
  countedPlays(): number;
  /** Sum of daily listen counts. */
  dailyTotal(): number;
}

export async function openHistoryKit(now: () => number = () => FIXED_NOW): Promise<HistoryKit> {
  const temp = await openTempDatabase();
  const clock: Clock = aClock(now);
  const store = new SqliteListenRecordingStore(temp.db);
  const recorder = new ListenRecorder({
    store,
    tracks: new SqliteProvisionalTrackStore(temp.db),
    unitOfWork: temp.repos.unitOfWork,
    clock,
  });
  const scalar = (sql: string) => (temp.db.sqlite.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    ...temp,
    clock,
    store,
    recorder,
    playHistory: new SqlitePlayHistoryQuery(temp.db),
    count: (table) => scalar(`SELECT COUNT(*) AS n FROM "${table}"`),
    countedPlays: () => scalar(`SELECT COUNT(*) AS n FROM "plays" WHERE "duplicate_of" IS NULL`),
    dailyTotal: () => scalar(`SELECT SUM("listen_count") AS n FROM "daily_listens"`),
  };
}
