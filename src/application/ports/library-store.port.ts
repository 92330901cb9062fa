// The media library's files as stored: one row per path, with its tags, its audio hash and the
// internal track it became. Read models for `narada library list | show | duplicates`.
import type { TrackId } from '../../domain/track/track.js';
import type { MediaFileStat, MediaTags } from './media-files.port.js';

export interface LibraryFileDraft extends MediaFileStat, MediaTags {
  readonly audioHash: string;
  readonly trackId: TrackId | null;
  readonly scannedAt: number;
}

export interface LibraryFile extends LibraryFileDraft {
  readonly id: number;
  /** The track's own title and artists (the track may be known from other services too). */
  readonly trackTitle: string | null;
  readonly trackArtists: readonly string[];
}

/** What a rescan compares a listed file with. */
export interface LibraryFileStamp {
  readonly path: string;
  readonly sizeBytes: number;
  readonly modifiedMs: number;
  readonly audioHash: string;
}

export interface LibraryDuplicateGroup {
  /** `audio`: the same audio bytes; `track`: different audio, one recording (one internal track). */
  readonly by: 'audio' | 'track';
  /** The audio hash or the track id the files share. */
  readonly key: string;
  readonly files: readonly LibraryFile[];
}

export interface LibraryStore {
  /** Every stored file's stamp. */
  stamps(): Promise<LibraryFileStamp[]>;
  /** Inserts files, or rewrites the row of a path already stored. */
  upsert(files: readonly LibraryFileDraft[]): Promise<void>;
  /** A file moved: the row of `fromPath` now describes `file` (its id is kept). */
  relocate(moves: readonly { readonly fromPath: string; readonly file: LibraryFileDraft }[]): Promise<void>;
  remove(paths: readonly string[]): Promise<void>;
  /** Every file, by path; `under` keeps those below one folder. */
  list(under?: string): Promise<LibraryFile[]>;
  /** A file by row id, path or audio hash. */
  find(key: string): Promise<LibraryFile | null>;
  duplicates(): Promise<LibraryDuplicateGroup[]>;
}
