// Local play counts per track, straight from interpreted plays: each listen once (duplicates from
// other captures are left out), exact to the millisecond for any period.
import type {
  PlayHistoryOptions,
  PlayHistoryQuery,
  TrackPlayHistory,
} from '../../../application/ports/play-history-query.port.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { EngineDatabase } from '../engine-database.js';
import { sqlList } from '../sql/sql-runner.js';

interface CountRow {
  trackId: number;
  totalPlays: number;
  lastPlayedAt: number | null;
  playsInPeriod: number;
}

export class SqlPlayHistoryQuery implements PlayHistoryQuery {
  private readonly survivors: string;
  private readonly counts: string;

  constructor(private readonly db: EngineDatabase) {
    const { dialect } = db.sql;
    this.survivors = `SELECT "id" AS "id", COALESCE("merged_into", "id") AS "survivor"
         FROM "tracks" WHERE "id" ${dialect.inList('?', 'integer')}`;
    this.counts = `SELECT "track_id" AS "trackId", COUNT(*) AS "totalPlays", MAX("played_at") AS "lastPlayedAt",
              SUM(CASE WHEN "played_at" >= @from AND "played_at" < @to THEN 1 ELSE 0 END) AS "playsInPeriod"
         FROM "plays"
        WHERE "track_id" ${dialect.inList('@ids', 'integer')} AND "duplicate_of" IS NULL
          AND (CAST(@user AS text) IS NULL OR "user" = @user)
        GROUP BY "track_id"`;
  }

  async forTracks(
    trackIds: readonly TrackId[],
    options: PlayHistoryOptions = {},
  ): Promise<TrackPlayHistory[]> {
    if (trackIds.length === 0) return [];
    const survivorOf = new Map<TrackId, TrackId>();
    const survivors = await this.db.sql.all<{ id: number; survivor: number }>(this.survivors, [
      sqlList([...new Set(trackIds)]),
    ]);
    for (const row of survivors) survivorOf.set(row.id, row.survivor);
    const wanted = [...new Set(trackIds.map((id) => survivorOf.get(id) ?? id))];
    const byTrack = new Map<TrackId, CountRow>();
    const rows = await this.db.sql.all<CountRow>(this.counts, {
      ids: sqlList(wanted),
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
