// Read models for `narada stats` over the daily roll-ups (one row per listener, track and day), so a
// year of a million listens is summed without touching the ledger. On SQLite the roll-ups are read
// NOT INDEXED, in one pass over the table: its key leads with the listener, and `--user` is optional.
import {
  type DayRange,
  type ListeningStats,
  ORIGINAL_YEAR_METRIC,
  type TopArtist,
  type TopTrack,
  type TrackDatingFacts,
  type TrackListenTotal,
} from '../../../application/ports/listening-stats.port.js';
import { topArtistTotals } from '../../../domain/history/artist-totals.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { EngineDatabase } from '../engine-database.js';
import { sqlList } from '../sql/sql-runner.js';

const IN_DAYS = `d."date" BETWEEN @from AND @to AND (CAST(@user AS text) IS NULL OR d."user" = @user)`;

export class SqlListeningStats implements ListeningStats {
  private readonly byTrack: string;
  private readonly dating: string;
  private readonly tracks: string;
  private readonly artists: string;

  constructor(private readonly db: EngineDatabase) {
    const { dialect } = db.sql;
    const days = `"daily_listens" d${dialect.notIndexed}`;
    this.byTrack = `SELECT d."track_id" AS "trackId", SUM(d."listen_count") AS "listens", SUM(d."total_ms_played") AS "msPlayed"
         FROM ${days} WHERE ${IN_DAYS}
        GROUP BY d."track_id" HAVING SUM(d."listen_count") > 0`;
    // The album date: a Spotify record's, else the track's own (both are the album's, not the song's, year).
    const lastfmMbid = dialect.jsonText('c."attributes"', 'mbid');
    this.dating = `SELECT t."id" AS "trackId", CAST(m."value" AS INTEGER) AS "originalYear",
              COALESCE((SELECT c."release_date" FROM "track_mappings" tm
                          JOIN "connector_tracks" c ON c."service" = tm."service" AND c."external_id" = tm."external_id"
                         WHERE tm."track_id" = t."id" AND tm."service" = 'spotify' AND tm."status" = 'accepted'
                           AND c."release_date" IS NOT NULL
                         ORDER BY ${dialect.bytewise('c."release_date"')} LIMIT 1), t."release_date") AS "albumDate",
              t."mbid" AS "mbid", t."isrc" AS "isrc",
              (SELECT ${lastfmMbid} FROM "track_mappings" tm
                 JOIN "connector_tracks" c ON c."service" = tm."service" AND c."external_id" = tm."external_id"
                WHERE tm."track_id" = t."id" AND tm."service" = 'lastfm' AND tm."status" = 'accepted'
                  AND ${lastfmMbid} IS NOT NULL LIMIT 1) AS "lastfmMbid"
         FROM "tracks" t
         LEFT JOIN "track_metrics" m ON m."track_id" = t."id" AND m."name" = '${ORIGINAL_YEAR_METRIC}'
        WHERE t."id" ${dialect.inList('?', 'integer')}`;
    this.tracks = `SELECT d."track_id" AS "trackId", MIN(t."title") AS "title", MIN(t."primary_artist") AS "artist",
              SUM(d."listen_count") AS "listens", SUM(d."total_ms_played") AS "msPlayed"
         FROM ${days} JOIN "tracks" t ON t."id" = d."track_id"
        WHERE ${IN_DAYS}
        GROUP BY d."track_id" HAVING SUM(d."listen_count") > 0
        ORDER BY "listens" DESC, "msPlayed" DESC, ${dialect.bytewise('MIN(t."title")')} LIMIT @limit`;
    // Per spelling here; spellings that differ only in case are summed by topArtistTotals, the same
    // on both engines.
    this.artists = `SELECT t."primary_artist" AS "artist", SUM(d."listen_count") AS "listens",
              SUM(d."total_ms_played") AS "msPlayed", COUNT(DISTINCT d."track_id") AS "tracks"
         FROM ${days} JOIN "tracks" t ON t."id" = d."track_id"
        WHERE ${IN_DAYS}
        GROUP BY t."primary_artist" HAVING SUM(d."listen_count") > 0`;
  }

  async listensByTrack(days: DayRange, user?: string): Promise<TrackListenTotal[]> {
    return this.db.sql.all<TrackListenTotal>(this.byTrack, { ...days, user: user ?? null });
  }

  async datingFacts(trackIds: readonly TrackId[]): Promise<TrackDatingFacts[]> {
    return trackIds.length === 0 ? [] : this.db.sql.all<TrackDatingFacts>(this.dating, [sqlList(trackIds)]);
  }

  async topTracks(days: DayRange, limit: number, user?: string): Promise<TopTrack[]> {
    return this.db.sql.all<TopTrack>(this.tracks, { ...days, user: user ?? null, limit });
  }

  async topArtists(days: DayRange, limit: number, user?: string): Promise<TopArtist[]> {
    const spellings = await this.db.sql.all<TopArtist>(this.artists, { ...days, user: user ?? null });
    return topArtistTotals(spellings, limit);
  }
}
