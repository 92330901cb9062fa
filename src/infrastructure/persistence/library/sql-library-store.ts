// The media library's files: one row per path. A file's track is shown as the
// track that now stands for it (one merge followed), so a merged track's files group with the survivor.
import type {
  LibraryDuplicateGroup,
  LibraryFile,
  LibraryFileDraft,
  LibraryFileStamp,
  LibraryStore,
} from '../../../application/ports/library-store.port.js';
import type { EngineDatabase } from '../engine-database.js';
import { readJson } from '../stored-value.js';

const COLUMNS = [
  'path',
  'path_hash',
  'size_bytes',
  'modified_ms',
  'audio_hash',
  'track_id',
  'title',
  'artists',
  'album',
  'track_number',
  'disc_number',
  'duration_ms',
  'isrc',
  'genre',
  'recording_mbid',
  'release_mbid',
  'artist_mbids',
  'format',
  'scanned_at',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string | number | null>;

const SET = COLUMNS.map((c) => `"${c}" = @${c}`).join(', ');

// The file's columns, its current track's id, title and artists.
const SELECT = `SELECT f."id", ${COLUMNS.filter((c) => c !== 'track_id')
  .map((c) => `f."${c}"`)
  .join(', ')},
       COALESCE(s."id", t."id") AS "track_id", COALESCE(s."title", t."title") AS "track_title",
       COALESCE(s."artists", t."artists") AS "track_artists"
  FROM "library_files" f
  LEFT JOIN "tracks" t ON t."id" = f."track_id"
  LEFT JOIN "tracks" s ON s."id" = t."merged_into"`;

interface StoredRow extends Row {
  readonly id: number;
  readonly track_title: string | null;
  readonly track_artists: string | null;
}

export class SqlLibraryStore implements LibraryStore {
  private readonly stampsOf = `SELECT "path" AS "path", "size_bytes" AS "sizeBytes", "modified_ms" AS "modifiedMs",
       "audio_hash" AS "audioHash" FROM "library_files"`;
  private readonly upsertOne = `INSERT INTO "library_files" (${COLUMNS.map((c) => `"${c}"`).join(', ')})
     VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT ("path") DO UPDATE SET ${SET}`;
  private readonly relocateOne = `UPDATE "library_files" SET ${SET} WHERE "path" = @from_path`;
  private readonly removeOne = `DELETE FROM "library_files" WHERE "path" = ?`;
  private readonly all: string;
  private readonly byKey = `${SELECT} WHERE f."id" = @id OR f."path" = @key OR f."audio_hash" = @key ORDER BY f."id" LIMIT 1`;
  private readonly sameAudio: string;
  private readonly sameTrack: string;

  constructor(private readonly db: EngineDatabase) {
    const bytewise = db.sql.dialect.bytewise;
    this.all = `${SELECT} WHERE CAST(@under AS text) IS NULL OR substr(f."path", 1, length(@under)) = @under
      ORDER BY ${bytewise('f."path"')}`;
    this.sameAudio = `${SELECT} WHERE f."audio_hash" IN
       (SELECT "audio_hash" FROM "library_files" GROUP BY "audio_hash" HAVING COUNT(*) > 1)
     ORDER BY ${bytewise('f."audio_hash"')}, ${bytewise('f."path"')}`;
    // Files of one track whose audio differs (same-audio copies are the other kind of duplicate).
    this.sameTrack = `${SELECT} WHERE COALESCE(t."merged_into", f."track_id") IN
       (SELECT COALESCE(t2."merged_into", f2."track_id") FROM "library_files" f2
          JOIN "tracks" t2 ON t2."id" = f2."track_id"
         GROUP BY 1 HAVING COUNT(DISTINCT f2."audio_hash") > 1)
     ORDER BY COALESCE(s."id", t."id"), ${bytewise('f."path"')}`;
  }

  stamps(): Promise<LibraryFileStamp[]> {
    return this.db.sql.all<LibraryFileStamp>(this.stampsOf);
  }

  async upsert(files: readonly LibraryFileDraft[]): Promise<void> {
    await this.db.unitOfWork.write(async () => {
      for (const file of files) await this.db.sql.run(this.upsertOne, toRow(file));
    });
  }

  async relocate(
    moves: readonly { readonly fromPath: string; readonly file: LibraryFileDraft }[],
  ): Promise<void> {
    await this.db.unitOfWork.write(async () => {
      for (const move of moves) {
        await this.db.sql.run(this.relocateOne, { ...toRow(move.file), from_path: move.fromPath });
      }
    });
  }

  async remove(paths: readonly string[]): Promise<void> {
    await this.db.unitOfWork.write(async () => {
      for (const path of paths) await this.db.sql.run(this.removeOne, [path]);
    });
  }

  async list(under?: string): Promise<LibraryFile[]> {
    return (await this.db.sql.all<StoredRow>(this.all, { under: under ?? null })).map(fromRow);
  }

  async find(key: string): Promise<LibraryFile | null> {
    const id = /^\d+$/.test(key) ? Number(key) : null;
    const row = await this.db.sql.one<StoredRow>(this.byKey, { key, id });
    return row === undefined ? null : fromRow(row);
  }

  async duplicates(): Promise<LibraryDuplicateGroup[]> {
    const sameAudio = (await this.db.sql.all<StoredRow>(this.sameAudio)).map(fromRow);
    const sameTrack = (await this.db.sql.all<StoredRow>(this.sameTrack)).map(fromRow);
    return [
      ...groups('audio', sameAudio, (file) => file.audioHash),
      ...groups('track', sameTrack, (file) => String(file.trackId)),
    ];
  }
}

function groups(
  by: LibraryDuplicateGroup['by'],
  files: readonly LibraryFile[],
  keyOf: (file: LibraryFile) => string,
): LibraryDuplicateGroup[] {
  const byKey = new Map<string, LibraryFile[]>();
  for (const file of files) byKey.set(keyOf(file), [...(byKey.get(keyOf(file)) ?? []), file]);
  return [...byKey].map(([key, members]) => ({ by, key, files: members }));
}

function toRow(file: LibraryFileDraft): Row {
  return {
    path: file.path,
    path_hash: file.pathHash,
    size_bytes: file.sizeBytes,
    modified_ms: file.modifiedMs,
    audio_hash: file.audioHash,
    track_id: file.trackId,
    title: file.title,
    artists: JSON.stringify(file.artists),
    album: file.album,
    track_number: file.trackNumber,
    disc_number: file.discNumber,
    duration_ms: file.durationMs,
    isrc: file.isrc,
    genre: file.genre,
    recording_mbid: file.recordingMbid,
    release_mbid: file.releaseMbid,
    artist_mbids: JSON.stringify(file.artistMbids),
    format: file.format,
    scanned_at: file.scannedAt,
  };
}

function fromRow(row: StoredRow): LibraryFile {
  const text = (column: Column): string | null => (row[column] === null ? null : String(row[column]));
  const number = (column: Column): number | null => (row[column] === null ? null : Number(row[column]));
  return {
    id: row.id,
    path: String(row.path),
    pathHash: String(row.path_hash),
    sizeBytes: Number(row.size_bytes),
    modifiedMs: Number(row.modified_ms),
    audioHash: String(row.audio_hash),
    trackId: number('track_id'),
    title: text('title'),
    artists: readJson<string[]>(String(row.artists), 'library_files', 'artists'),
    album: text('album'),
    trackNumber: number('track_number'),
    discNumber: number('disc_number'),
    durationMs: number('duration_ms'),
    isrc: text('isrc'),
    genre: text('genre'),
    recordingMbid: text('recording_mbid'),
    releaseMbid: text('release_mbid'),
    artistMbids: readJson<string[]>(String(row.artist_mbids), 'library_files', 'artist_mbids'),
    format: text('format'),
    scannedAt: Number(row.scanned_at),
    trackTitle: row.track_title,
    trackArtists:
      row.track_artists === null ? [] : readJson<string[]>(row.track_artists, 'tracks', 'artists'),
  };
}
