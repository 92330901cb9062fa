// Local play counts per track, straight from interpreted plays: each listen once (duplicates from
// other captures are left out), exact to the millisecond for any period.
import type Database from 'better-sqlite3';
import type {
  PlayHistoryOptions,
  PlayHistoryQuery,
  TrackPlayHistory,
} from '../../../application/ports/play-history-query.port.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { SqliteDatabase } from '../open-database.js';

interface CountRow {
  trackId: number;
  totalPlays: number;
  lastPlayedAt: number | null;
  playsInPeriod: number;
}

export class SqlitePlayHistoryQuery implements PlayHistoryQuery {
  private readonly survivors: Database.Statement<[string], { id: number; survivor: number }>;
  private readonly counts: Database.Statement<[Record<string, string | number | null>], CountRow>;

  constructor(db: SqliteDatabase) {
    this.survivors = db.sqlite.prepare(
      `SELECT "id" AS id, COALESCE("merged_into", "id") AS survivor
         FROM "tracks" WHERE "id" IN (SELECT value FROM json_each(?))`,
    );
    this.counts = db.sqlite.prepare(
      `SELECT "track_id" AS trackId, COUNT(*) AS totalPlays, MAX("played_at") AS lastPlayedAt,
              SUM(CASE WHEN "played_at" >= @from AND "played_at" < @to THEN 1 ELSE 0 END) AS playsInPeriod
         FROM "plays"
        WHERE "track_id" IN (SELECT value FROM json_each(@ids)) AND "duplicate_of" IS NULL
          AND (@user IS NULL OR "user" = @user)
        GROUP BY "track_id"`,
    );
  }

  async forTracks(
    trackIds: readonly TrackId[],
    options: PlayHistoryOptions = {},
  ): Promise<TrackPlayHistory[]> {
    if (trackIds.length === 0) return [];
    const survivorOf = new Map<TrackId, TrackId>();
    for (const row of this.survivors.iterate(JSON.stringify([...new Set(trackIds)])))
      survivorOf.set(row.id, row.survivor);
    const wanted = [...new Set(trackIds.map((id) => survivorOf.get(id) ?? id))];
    const byTrack = new Map<TrackId, CountRow>();
    const rows = this.counts.iterate({
      ids: JSON.stringify(wanted),
      from: options.period?.from ?? Number.MIN_SAFE_INTEGER,
      to: options.period?.to ?? Number.MAX_SAFE_INTEGER,
      user: options.user ?? null,
    });
    for (const row of rows) byTrack.set(row.trackId, row);
    return trackIds.map((trackId) => {
      const row = byTrack.get(survivorOf.get(trackId) ?? trackId);
      return {
        trackId,
        totalPlays: row?.totalPlays ?? 0,
        lastPlayedAt: row?.lastPlayedAt ?? null,
        playsInPeriod: row?.playsInPeriod ?? 0,
      };
    });
  }
}
