// Listen links on the raw SQLite handle: one row per play. The library's tracks are the tracks its files
// became, one merge followed (a merge re-points plays but not files); their state is a hash of what the
// matcher sees of them, so a changed library is noticed without comparing every link.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
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
import type { SqliteDatabase } from '../open-database.js';
import { readJson } from '../stored-value.js';
import type { TrackEntity } from '../tracks/track.entity.js';
import { jsonList, rowToTrack, TRACK_COLUMNS } from '../tracks/identity-rows.js';

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
  readonly by_user: number;
  readonly linked_at: number;
}

const UPSERT = `INSERT INTO "listen_links" ("play_id", "play_track_id", "status", "track_id", "confidence",
    "method", "reason", "candidates", "library_state", "by_user", "linked_at")
  VALUES (@play_id, @play_track_id, @status, @track_id, @confidence, @method, @reason, @candidates,
    @library_state, @by_user, @linked_at)
  ON CONFLICT ("play_id") DO UPDATE SET "play_track_id" = excluded."play_track_id",
    "status" = excluded."status", "track_id" = excluded."track_id", "confidence" = excluded."confidence",
    "method" = excluded."method", "reason" = excluded."reason", "candidates" = excluded."candidates",
    "library_state" = excluded."library_state", "by_user" = excluded."by_user",
    "linked_at" = excluded."linked_at"`;

export class SqliteListenLinkStore implements ListenLinkStore {
  private readonly library: Database.Statement<[], LibraryFileRow>;
  private readonly stale: Database.Statement<[string], PlayToLink>;
  private readonly tracks: Database.Statement<[string], TrackEntity>;
  private readonly upsert: Database.Statement<[LinkRow]>;
  private readonly byStatus: Database.Statement<[], { status: string; n: number }>;
  private readonly ambiguous: Database.Statement<
    [],
    { playTrackId: number; listens: number; candidates: string }
  >;
  private readonly settle: Database.Statement<[Omit<LinkRow, 'play_id' | 'library_state'>]>;

  constructor(db: SqliteDatabase) {
    const { sqlite } = db;
    // Each file's track (one merge followed) with its accepted `local` mapping: a merge carries the
    // mapping to the survivor and leaves the file's row as it was, so the mapping is found by the audio hash.
    this.library = sqlite.prepare(
      `SELECT f."id" AS fileId, COALESCE(t."merged_into", t."id") AS trackId, m."confidence" AS confidence,
              m."method" AS method
         FROM "library_files" f
         JOIN "tracks" t ON t."id" = f."track_id"
         LEFT JOIN "track_mappings" m ON m."service" = 'local' AND m."external_id" = f."audio_hash"
              AND m."status" = 'accepted'
        ORDER BY f."id"`,
    );
    this.stale = sqlite.prepare(
      `SELECT p."id" AS playId, p."track_id" AS trackId
         FROM "plays" p LEFT JOIN "listen_links" l ON l."play_id" = p."id"
        WHERE p."duplicate_of" IS NULL
          AND (l."play_id" IS NULL OR l."play_track_id" <> p."track_id"
               OR (l."library_state" <> ? AND NOT l."by_user"))
        ORDER BY p."id"`,
    );
    this.tracks = sqlite.prepare(
      `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."id" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
    );
    this.upsert = sqlite.prepare(UPSERT);
    this.byStatus = sqlite.prepare(
      `SELECT l."status" AS status, COUNT(*) AS n FROM "listen_links" l
         JOIN "plays" p ON p."id" = l."play_id" AND p."duplicate_of" IS NULL
        GROUP BY l."status"`,
    );
    // One question per track: its listens were linked against one library state, so share candidates.
    this.ambiguous = sqlite.prepare(
      `SELECT l."play_track_id" AS playTrackId, COUNT(*) AS listens, MAX(l."candidates") AS candidates
         FROM "listen_links" l JOIN "plays" p ON p."id" = l."play_id" AND p."track_id" = l."play_track_id"
        WHERE l."status" = 'ambiguous'
        GROUP BY l."play_track_id" ORDER BY l."play_track_id"`,
    );
    this.settle = sqlite.prepare(
      `UPDATE "listen_links" SET "status" = @status, "track_id" = @track_id, "confidence" = @confidence,
              "method" = @method, "reason" = @reason, "candidates" = @candidates, "by_user" = @by_user,
              "linked_at" = @linked_at
        WHERE "play_track_id" = @play_track_id AND "status" = 'ambiguous'`,
    );
  }

  libraryTracks(): Promise<LibraryTracks> {
    const best = new Map<TrackId, { confidence: number; method: MatchMethod; files: Set<number> }>();
    for (const row of this.library.all()) {
      const seen = best.get(row.trackId) ?? { confidence: -1, method: 'manual', files: new Set<number>() };
      seen.files.add(row.fileId);
      if (row.confidence !== null && row.method !== null && row.confidence > seen.confidence) {
        seen.confidence = row.confidence;
        seen.method = row.method;
      }
      best.set(row.trackId, seen);
    }
    const tracks: LibraryTrack[] = this.tracks.all(jsonList([...best.keys()])).map((row) => {
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
    return Promise.resolve({ tracks, state: hash.digest('hex') });
  }

  playsToLink(libraryState: string): Promise<PlayToLink[]> {
    return Promise.resolve(this.stale.all(libraryState));
  }

  tracksByIds(ids: readonly TrackId[]): Promise<Track[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return Promise.resolve(this.tracks.all(jsonList(ids)).map(rowToTrack));
  }

  save(links: readonly ListenLinkWrite[]): Promise<void> {
    // Plays of one track share one verdict: its candidates are serialised once.
    const candidatesOf = new Map<ListenLinkVerdict, string>();
    for (const link of links) {
      let candidates = candidatesOf.get(link.verdict);
      if (candidates === undefined) {
        candidates = JSON.stringify(link.verdict.candidates);
        candidatesOf.set(link.verdict, candidates);
      }
      this.upsert.run({
        play_id: link.playId,
        play_track_id: link.playTrackId,
        library_state: link.libraryState,
        ...verdictColumns(link.verdict, candidates, link.byUser, link.linkedAt),
      });
    }
    return Promise.resolve();
  }

  counts(): Promise<ListenLinkCounts> {
    const counts = { linked: 0, ambiguous: 0, unlinked: 0 };
    for (const { status, n } of this.byStatus.all()) {
      if (status === 'linked' || status === 'ambiguous' || status === 'unlinked') counts[status] = n;
    }
    return Promise.resolve(counts);
  }

  questions(): Promise<ListenLinkQuestion[]> {
    return Promise.resolve(
      this.ambiguous.all().map((row) => ({
        playTrackId: row.playTrackId,
        listens: row.listens,
        candidates: readJson<ListenLinkCandidate[]>(row.candidates, 'listen_links', 'candidates'),
      })),
    );
  }

  decide(playTrackId: TrackId, verdict: ListenLinkVerdict, at: number): Promise<number> {
    const columns = verdictColumns(verdict, JSON.stringify(verdict.candidates), true, at);
    return Promise.resolve(this.settle.run({ ...columns, play_track_id: playTrackId }).changes);
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
    by_user: byUser ? 1 : 0,
    linked_at: at,
  };
}
