// Read models for `narada stats` over the daily roll-ups (one row per listener, track and day), so a
// year of a million listens is summed without touching the ledger. The roll-ups are read NOT
// INDEXED, in one pass over the table: its key leads with the listener, and `--user` is optional.
import type Database from 'better-sqlite3';
import {
  type DayRange,
  type ListeningStats,
  ORIGINAL_YEAR_METRIC,
  type TopArtist,
  type TopTrack,
  type TrackDatingFacts,
  type TrackListenTotal,
} from '../../../application/ports/listening-stats.port.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { SqliteDatabase } from '../open-database.js';

type DayParams = { from: string; to: string; user: string | null; limit?: number };

const IN_DAYS = `d."date" BETWEEN @from AND @to AND (@user IS NULL OR d."user" = @user)`;

export class SqliteListeningStats implements ListeningStats {
  private readonly byTrack: Database.Statement<[DayParams], TrackListenTotal>;
  private readonly dating: Database.Statement<[string], TrackDatingFacts>;
  private readonly tracks: Database.Statement<[DayParams], TopTrack>;
  private readonly artists: Database.Statement<[DayParams], TopArtist>;

  constructor(db: SqliteDatabase) {
    const { sqlite } = db;
    this.byTrack = sqlite.prepare(
      `SELECT d."track_id" AS trackId, SUM(d."listen_count") AS listens, SUM(d."total_ms_played") AS msPlayed
         FROM "daily_listens" d NOT INDEXED WHERE ${IN_DAYS}
        GROUP BY d."track_id" HAVING listens > 0`,
    );
    // The album date: a Spotify record's, else the track's own (both are the album's, not the song's, year).
    this.dating = sqlite.prepare(
      `SELECT t."id" AS trackId, CAST(m."value" AS INTEGER) AS originalYear,
              COALESCE((SELECT c."release_date" FROM "track_mappings" tm
                          JOIN "connector_tracks" c ON c."service" = tm."service" AND c."external_id" = tm."external_id"
                         WHERE tm."track_id" = t."id" AND tm."service" = 'spotify' AND tm."status" = 'accepted'
                           AND c."release_date" IS NOT NULL
                         ORDER BY c."release_date" LIMIT 1), t."release_date") AS albumDate,
              t."mbid" AS mbid, t."isrc" AS isrc,
              (SELECT json_extract(c."attributes", '$.mbid') FROM "track_mappings" tm
                 JOIN "connector_tracks" c ON c."service" = tm."service" AND c."external_id" = tm."external_id"
                WHERE tm."track_id" = t."id" AND tm."service" = 'lastfm' AND tm."status" = 'accepted'
                  AND json_extract(c."attributes", '$.mbid') IS NOT NULL LIMIT 1) AS lastfmMbid
         FROM "tracks" t
         LEFT JOIN "track_metrics" m ON m."track_id" = t."id" AND m."name" = '${ORIGINAL_YEAR_METRIC}'
        WHERE t."id" IN (SELECT value FROM json_each(?))`,
    );
    this.tracks = sqlite.prepare(
      `SELECT d."track_id" AS trackId, t."title" AS title, t."primary_artist" AS artist,
              SUM(d."listen_count") AS listens, SUM(d."total_ms_played") AS msPlayed
         FROM "daily_listens" d NOT INDEXED JOIN "tracks" t ON t."id" = d."track_id"
        WHERE ${IN_DAYS}
        GROUP BY d."track_id" HAVING listens > 0
        ORDER BY listens DESC, msPlayed DESC, t."title" LIMIT @limit`,
    );
    this.artists = sqlite.prepare(
      `SELECT MIN(t."primary_artist") AS artist, SUM(d."listen_count") AS listens,
              SUM(d."total_ms_played") AS msPlayed, COUNT(DISTINCT d."track_id") AS tracks
         FROM "daily_listens" d NOT INDEXED JOIN "tracks" t ON t."id" = d."track_id"
        WHERE ${IN_DAYS}
        GROUP BY t."primary_artist" COLLATE NOCASE HAVING listens > 0
        ORDER BY listens DESC, msPlayed DESC, artist LIMIT @limit`,
    );
  }

  async listensByTrack(days: DayRange, user?: string): Promise<TrackListenTotal[]> {
    return this.byTrack.all({ ...days, user: user ?? null });
  }

  async datingFacts(trackIds: readonly TrackId[]): Promise<TrackDatingFacts[]> {
    return trackIds.length === 0 ? [] : this.dating.all(JSON.stringify(trackIds));
  }

  async topTracks(days: DayRange, limit: number, user?: string): Promise<TopTrack[]> {
    return this.tracks.all({ ...days, user: user ?? null, limit });
  }

  async topArtists(days: DayRange, limit: number, user?: string): Promise<TopArtist[]> {
    return this.artists.all({ ...days, user: user ?? null, limit });
  }
}
