// Listen links over the SQL runner (SQLite and PostgreSQL): one row per play. The library's tracks are
// the tracks its files became, one merge followed (a merge re-points plays but not files); their state
// is a hash of what the matcher sees of them, so a changed library is noticed without comparing every link.
import { createHash } from 'node:crypto';
import type {
  LibraryTrack,
  LibraryTracks,
  ListenLinkCandidate,
  ListenLinkCounts,
  ListenLinkQuestion,
  ListenLinkStore,
  ListenLinkVerdict,
  ListenLinkWrite,
  PlayToLink,
} from '../../../application/ports/listen-link-store.port.js';
import type { MatchMethod } from '../../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import type { EngineDatabase } from '../engine-database.js';
import { type SqlValue, sqlList } from '../sql/sql-runner.js';
import { readJson } from '../stored-value.js';
import type { TrackEntity } from '../tracks/track.entity.js';
import { rowToTrack, TRACK_COLUMNS } from '../tracks/identity-rows.js';

interface LibraryFileRow {
  readonly fileId: number;
  readonly trackId: number;
  readonly confidence: number | null;
  readonly method: MatchMethod | null;
}

interface LinkRow {
  readonly play_id: number;
  readonly play_track_id: number;
  readonly status: string;
  readonly track_id: number | null;
  readonly confidence: number | null;
  readonly method: string | null;
  readonly reason: string;
  readonly candidates: string;
  readonly library_state: string;
  readonly by_user: boolean;
  readonly linked_at: number;
}

const LINK_COLUMNS = [
  'play_id',
  'play_track_id',
  'status',
  'track_id',
  'confidence',
  'method',
  'reason',
  'candidates',
  'library_state',
  'by_user',
  'linked_at',
] as const;

/** Links per upsert statement: one round trip for many rows on PostgreSQL, few parameters on SQLite. */
const ROWS_PER_STATEMENT = 100;

/** A multi-row upsert of `rows` links, `?` placeholders in LINK_COLUMNS order. */
function upsertOf(rows: number): string {
  const tuple = `(${LINK_COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO "listen_links" (${LINK_COLUMNS.map((c) => `"${c}"`).join(', ')})
  VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}
  ON CONFLICT ("play_id") DO UPDATE SET ${LINK_COLUMNS.filter((c) => c !== 'play_id')
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ')}`;
}

export class SqlListenLinkStore implements ListenLinkStore {
  // Each file's track (one merge followed) with its accepted `local` mapping: a merge carries the
  // mapping to the survivor and leaves the file's row as it was, so the mapping is found by the audio hash.
  private readonly library = `SELECT f."id" AS "fileId", COALESCE(t."merged_into", t."id") AS "trackId",
              m."confidence" AS "confidence", m."method" AS "method"
         FROM "library_files" f
         JOIN "tracks" t ON t."id" = f."track_id"
         LEFT JOIN "track_mappings" m ON m."service" = 'local' AND m."external_id" = f."audio_hash"
              AND m."status" = 'accepted'
        ORDER BY f."id"`;
  private readonly stale = `SELECT p."id" AS "playId", p."track_id" AS "trackId"
         FROM "plays" p LEFT JOIN "listen_links" l ON l."play_id" = p."id"
        WHERE p."duplicate_of" IS NULL
          AND (l."play_id" IS NULL OR l."play_track_id" <> p."track_id"
               OR (l."library_state" <> ? AND NOT l."by_user"))
        ORDER BY p."id"`;
  private readonly tracks: string;
  private readonly fullUpsert = upsertOf(ROWS_PER_STATEMENT);
  private readonly byStatus = `SELECT l."status" AS "status", COUNT(*) AS "n" FROM "listen_links" l
         JOIN "plays" p ON p."id" = l."play_id" AND p."duplicate_of" IS NULL
        GROUP BY l."status"`;
  // One question per track: its listens were linked against one library state, so share candidates.
  private readonly ambiguous = `SELECT l."play_track_id" AS "playTrackId", COUNT(*) AS "listens",
              MAX(l."candidates") AS "candidates"
         FROM "listen_links" l JOIN "plays" p ON p."id" = l."play_id" AND p."track_id" = l."play_track_id"
        WHERE l."status" = 'ambiguous'
        GROUP BY l."play_track_id" ORDER BY l."play_track_id"`;
  private readonly settle = `UPDATE "listen_links" SET "status" = @status, "track_id" = @track_id,
              "confidence" = @confidence, "method" = @method, "reason" = @reason,
              "candidates" = @candidates, "by_user" = @by_user, "linked_at" = @linked_at
        WHERE "play_track_id" = @play_track_id AND "status" = 'ambiguous'`;

  constructor(private readonly db: EngineDatabase) {
    this.tracks = `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."id" ${db.sql.dialect.inList('?', 'integer')}
      ORDER BY t."id"`;
  }

  async libraryTracks(): Promise<LibraryTracks> {
    const best = new Map<TrackId, { confidence: number; method: MatchMethod; files: Set<number> }>();
    for (const row of await this.db.sql.all<LibraryFileRow>(this.library)) {
      const seen = best.get(row.trackId) ?? { confidence: -1, method: 'manual', files: new Set<number>() };
      seen.files.add(row.fileId);
      if (row.confidence !== null && row.method !== null && row.confidence > seen.confidence) {
        seen.confidence = row.confidence;
        seen.method = row.method;
      }
      best.set(row.trackId, seen);
    }
    const rows = await this.db.sql.all<TrackEntity>(this.tracks, [sqlList([...best.keys()])]);
    const tracks: LibraryTrack[] = rows.map((row) => {
      const seen = best.get(row.id);
      return {
        track: rowToTrack(row),
        // A file without an accepted mapping was linked by hand (a pin or a review): sure.
        confidence: seen === undefined || seen.confidence < 0 ? 100 : seen.confidence,
        method: seen?.method ?? 'manual',
        files: seen?.files.size ?? 0,
      };
    });
    const hash = createHash('sha256');
    for (const { track, confidence } of tracks) {
      hash.update(
        JSON.stringify([
          track.id,
          track.title,
          track.artists,
          track.album,
          track.durationMs,
          track.isrc?.value ?? null,
          track.mbid?.value ?? null,
          confidence,
        ]),
      );
    }
    return { tracks, state: hash.digest('hex') };
  }

  playsToLink(libraryState: string): Promise<PlayToLink[]> {
    return this.db.sql.all<PlayToLink>(this.stale, [libraryState]);
  }

  async tracksByIds(ids: readonly TrackId[]): Promise<Track[]> {
    if (ids.length === 0) return [];
    return (await this.db.sql.all<TrackEntity>(this.tracks, [sqlList(ids)])).map(rowToTrack);
  }

  async save(links: readonly ListenLinkWrite[]): Promise<void> {
    // Plays of one track share one verdict: its candidates are serialised once. One row per play (the
    // last write of a play wins, as row-by-row upserts would have it): PostgreSQL refuses an upsert
    // that meets one key twice in a statement.
    const candidatesOf = new Map<ListenLinkVerdict, string>();
    const byPlay = new Map<number, SqlValue[]>();
    for (const link of links) {
      let candidates = candidatesOf.get(link.verdict);
      if (candidates === undefined) {
        candidates = JSON.stringify(link.verdict.candidates);
        candidatesOf.set(link.verdict, candidates);
      }
      const row: LinkRow = {
        play_id: link.playId,
        play_track_id: link.playTrackId,
        library_state: link.libraryState,
        ...verdictColumns(link.verdict, candidates, link.byUser, link.linkedAt),
      };
      byPlay.delete(link.playId);
      byPlay.set(
        link.playId,
        LINK_COLUMNS.map((c) => row[c]),
      );
    }
    const rows = [...byPlay.values()];
    await this.db.unitOfWork.write(async () => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const sql = chunk.length === ROWS_PER_STATEMENT ? this.fullUpsert : upsertOf(chunk.length);
        await this.db.sql.run(sql, chunk.flat());
      }
    });
  }

  async counts(): Promise<ListenLinkCounts> {
    const counts = { linked: 0, ambiguous: 0, unlinked: 0 };
    for (const { status, n } of await this.db.sql.all<{ status: string; n: number }>(this.byStatus)) {
      if (status === 'linked' || status === 'ambiguous' || status === 'unlinked') counts[status] = n;
    }
    return counts;
  }

  async questions(): Promise<ListenLinkQuestion[]> {
    const rows = await this.db.sql.all<{ playTrackId: number; listens: number; candidates: string }>(
      this.ambiguous,
    );
    return rows.map((row) => ({
      playTrackId: row.playTrackId,
      listens: row.listens,
      candidates: readJson<ListenLinkCandidate[]>(row.candidates, 'listen_links', 'candidates'),
    }));
  }

  async decide(playTrackId: TrackId, verdict: ListenLinkVerdict, at: number): Promise<number> {
    const columns = verdictColumns(verdict, JSON.stringify(verdict.candidates), true, at);
    const { changes } = await this.db.unitOfWork.write(() =>
      this.db.sql.run(this.settle, { ...columns, play_track_id: playTrackId }),
    );
    return changes;
  }
}

function verdictColumns(
  verdict: ListenLinkVerdict,
  candidates: string,
  byUser: boolean,
  at: number,
): Omit<LinkRow, 'play_id' | 'play_track_id' | 'library_state'> {
  return {
    status: verdict.status,
    track_id: verdict.chosen?.trackId ?? null,
    confidence: verdict.chosen?.confidence ?? null,
    method: verdict.chosen?.method ?? null,
    reason: verdict.reason,
    candidates,
    by_user: byUser,
    linked_at: at,
  };
}
