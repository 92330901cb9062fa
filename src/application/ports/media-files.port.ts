// Local music files as the library scan sees them: the finder lists audio files under folders, the
// reader reads one file's tags and hashes its audio (tags excluded, so re-tagging is not a new file).

/** An audio file on disk, as listed: enough to tell whether it changed since the last scan. */
export interface MediaFileStat {
  /** Absolute path. */
  readonly path: string;
  /** SHA-256 of the absolute path, hex: a fixed-size key for the path. */
  readonly pathHash: string;
  readonly sizeBytes: number;
  /** Modification time, epoch ms (whole ms). */
  readonly modifiedMs: number;
}

/** What a file's tags say, normalised: absent values are null, never empty strings. */
export interface MediaTags {
  readonly title: string | null;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly trackNumber: number | null;
  readonly discNumber: number | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly genre: string | null;
  readonly recordingMbid: string | null;
  readonly releaseMbid: string | null;
  readonly artistMbids: readonly string[];
  /** Container and codec as the reader names them ("MPEG / MPEG 1 Layer 3"). */
  readonly format: string | null;
}

export interface MediaFileFacts {
  readonly tags: MediaTags;
  /** SHA-256 of the audio data only, hex (docs/LIBRARY.md says which bytes count as audio). */
  readonly audioHash: string;
}

export interface MediaListing {
  /** Every audio file (by extension) under the folders, sorted by path. */
  readonly files: readonly MediaFileStat[];
  /** Subfolders and files that could not be listed (no permission, gone meanwhile), with the reason. */
  readonly unreadable: readonly { readonly path: string; readonly reason: string }[];
}

export interface MediaFileFinder {
  /** Lists the folders; a folder given that is missing or no folder fails (InvalidInputError). */
  list(folders: readonly string[]): Promise<MediaListing>;
}

export interface MediaFileReader {
  /** Reads one file; an unreadable, truncated or unknown file throws (the scan reports and skips it). */
  read(path: string): Promise<MediaFileFacts>;
}
