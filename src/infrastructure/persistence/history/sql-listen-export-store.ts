// The interpreted listens, a page at a time by (start time, play id) — keyset paging, so each page
// costs the same however deep into the history — with the track's names, ISRC, recording MBID and
// the Spotify id of its accepted mapping (local files, `spotify:local:…`, have none). A play's
// duplicates lie within the same-listen window of it, so `notFrom` looks only there (the user/time index).
import type {
  ExportedListen,
  ListenExportStore,
  ListenPageQuery,
} from '../../../application/ports/listen-export-store.port.js';
import { MAX_WINDOW_MS } from '../../../domain/history/same-listen.js';
import type { EngineDatabase } from '../engine-database.js';

export class SqlListenExportStore implements ListenExportStore {
  private readonly statement: string;

  constructor(private readonly db: EngineDatabase) {
    this.statement = `SELECT p."id" AS "playId", p."user" AS "user", p."played_at" AS "playedAt", p."ms_played" AS "msPlayed",
              e."source" AS "source", p."track_id" AS "trackId", t."primary_artist" AS "artist", t."title" AS "title",
              t."album" AS "album", t."duration_ms" AS "durationMs", t."isrc" AS "isrc", t."mbid" AS "recordingMbid",
              (SELECT MIN(m."external_id") FROM "track_mappings" m
                WHERE m."track_id" = p."track_id" AND m."service" = 'spotify' AND m."status" = 'accepted'
                  AND m."external_id" NOT LIKE 'spotify:%') AS "spotifyId"
         FROM "plays" p JOIN "listening_events" e ON e."id" = p."event_id" JOIN "tracks" t ON t."id" = p."track_id"
        WHERE p."duplicate_of" IS NULL
          AND (CAST(@user AS text) IS NULL OR p."user" = @user)
          AND (CAST(@since AS bigint) IS NULL OR p."played_at" >= @since)
          AND (CAST(@until AS bigint) IS NULL OR p."played_at" < @until)
          AND (CAST(@afterAt AS bigint) IS NULL OR p."played_at" > @afterAt OR (p."played_at" = @afterAt AND p."id" > @afterId))
          AND (CAST(@notFrom AS text) IS NULL OR (e."source" <> @notFrom AND NOT EXISTS (
                SELECT 1 FROM "plays" d JOIN "listening_events" de ON de."id" = d."event_id"
                 WHERE d."user" = p."user" AND d."played_at" BETWEEN p."played_at" - ${MAX_WINDOW_MS} AND p."played_at" + ${MAX_WINDOW_MS}
                   AND d."duplicate_of" = p."id" AND de."source" = @notFrom)))
        ORDER BY p."played_at", p."id"
        LIMIT @limit`;
  }

  async page(query: ListenPageQuery): Promise<ExportedListen[]> {
    return this.db.sql.all<ExportedListen>(this.statement, {
      user: query.user ?? null,
      since: query.since ?? null,
      until: query.until ?? null,
      afterAt: query.after?.playedAt ?? null,
      afterId: query.after?.playId ?? null,
      notFrom: query.notFrom ?? null,
      limit: query.limit,
    });
  }
}
