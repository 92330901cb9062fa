// Listens held locally but not on Last.fm: plays captured elsewhere that no Last.fm scrobble was
// matched to (a Last.fm CSV export's rows are Last.fm scrobbles too). Read with the plays index on (user, played_at); the Last.fm matches are gathered apart,
// since `duplicate_of` has no index of its own.
import type {
  ScrobbleBackfillStore,
  UnscrobbledListen,
} from '../../../application/ports/scrobble-backfill-store.port.js';
import { captureOf } from '../../../domain/history/listen-identity.js';
import type { ListeningSource } from '../../../domain/history/listening-event.js';
import { MAX_WINDOW_MS } from '../../../domain/history/same-listen.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { EngineDatabase } from '../engine-database.js';

type ListenRow = Omit<UnscrobbledListen, 'capture'> & { source: string; trackKey: string };

const SCROBBLED = `SELECT d."duplicate_of" FROM "plays" d JOIN "listening_events" de ON de."id" = d."event_id"
  WHERE d."duplicate_of" IS NOT NULL AND de."source" IN ('lastfm', 'lastfm_csv')`;

export class SqlScrobbleBackfillStore implements ScrobbleBackfillStore {
  private readonly listens: string;
  private readonly scrobbledNear: string;
  private readonly countBefore: string;

  constructor(private readonly db: EngineDatabase) {
    this.listens = `SELECT p."id" AS "playId", p."track_id" AS "trackId", p."played_at" AS "playedAt", p."ms_played" AS "msPlayed",
              t."title" AS "title", t."primary_artist" AS "artist", t."album" AS "album", t."duration_ms" AS "durationMs",
              e."source" AS "source", e."track_key" AS "trackKey"
         FROM "plays" p JOIN "listening_events" e ON e."id" = p."event_id" JOIN "tracks" t ON t."id" = p."track_id"
        WHERE p."user" = ? AND p."played_at" >= ? AND p."duplicate_of" IS NULL AND e."source" NOT IN ('lastfm', 'lastfm_csv')
        ORDER BY p."played_at", p."id"`;
    this.scrobbledNear = `SELECT d."duplicate_of" AS "id" FROM "plays" d JOIN "listening_events" de ON de."id" = d."event_id"
        WHERE d."user" = ? AND d."played_at" >= ? AND d."duplicate_of" IS NOT NULL AND de."source" IN ('lastfm', 'lastfm_csv')`;
    this.countBefore = `SELECT COUNT(*) AS "n" FROM "plays" p JOIN "listening_events" e ON e."id" = p."event_id"
        WHERE p."user" = ? AND p."played_at" < ? AND p."duplicate_of" IS NULL AND e."source" NOT IN ('lastfm', 'lastfm_csv')
          AND p."id" NOT IN (${SCROBBLED})`;
  }

  async unscrobbledSince(user: string, since: EpochMs): Promise<UnscrobbledListen[]> {
    // A scrobble matched to a listen lies within one window of it.
    const near = await this.db.sql.all<{ id: number }>(this.scrobbledNear, [user, since - MAX_WINDOW_MS]);
    const scrobbled = new Set(near.map((r) => r.id));
    return (await this.db.sql.all<ListenRow>(this.listens, [user, since]))
      .filter((row) => !scrobbled.has(row.playId))
      .map(({ source, trackKey, ...row }) => ({
        ...row,
        capture: captureOf(source as ListeningSource, trackKey),
      }));
  }

  async countUnscrobbledBefore(user: string, before: EpochMs): Promise<number> {
    return (await this.db.sql.one<{ n: number }>(this.countBefore, [user, before]))?.n ?? 0;
  }
}
