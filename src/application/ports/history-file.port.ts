// History export files as a use case sees them, recognised by their content: what each holds (a
// Spotify export, a Last.fm CSV, a ListenBrainz export, JSONL or JSON list, a dump of Last.fm API
// pages), and its listens read as a stream.

export type HistoryFileFormat =
  | 'spotify_export'
  | 'lastfm_csv'
  | 'lastfm_json'
  | 'listenbrainz_export'
  | 'listenbrainz_jsonl'
  | 'listenbrainz_json';

/** One listen of a Last.fm CSV or page dump, or of a ListenBrainz export, with its row exactly as read. */
export interface FileListen {
  /** `lastfm`: a scrobble of a user.getRecentTracks page, the same event `history import lastfm` stores. */
  readonly source: 'lastfm_csv' | 'lastfm' | 'listenbrainz';
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  /** Last.fm's MBID for the track, from a page dump (kept in the connector record's attributes). */
  readonly mbid?: string | null;
  /** Start of playback (Last.fm and ListenBrainz stamp the start). */
  readonly playedAt: number;
  /** The row as received: a ListenBrainz listen's or Last.fm entry's JSON text, or `{"csv_row": "…"}` for a CSV row. */
  readonly payload: string;
}

export interface FileListenBatch {
  readonly listens: readonly FileListen[];
  /** Bytes of the part read so far (uncompressed), for progress. */
  readonly bytesRead: number;
}

/** A stream of listens: a plain file, or one `listens/YYYY/M.jsonl` entry of a ListenBrainz zip. */
export interface HistoryFilePart {
  /** `scrobbles.csv`, or `export.zip › listens/2025/6.jsonl`. */
  readonly label: string;
  readonly sizeBytes: number;
  /** Listens `batchSize` at a time; throws CorruptExportError naming the line that cannot be read. */
  batches(batchSize: number): AsyncIterable<FileListenBatch>;
}

export interface RecognisedHistoryFile {
  readonly path: string;
  readonly format: HistoryFileFormat;
  /** What was recognised, in words: `Last.fm CSV (lastfm-to-csv: artist,album,track,date)`. */
  readonly description: string;
  /** The listener the file names (a ListenBrainz export's user.json), if any. */
  readonly listener: string | null;
  /** The listens to read; empty for Spotify exports, which the Spotify import reads by path. */
  readonly parts: readonly HistoryFilePart[];
}

export interface UnrecognisedHistoryFile {
  readonly path: string;
  readonly format: null;
  /** Why it is not one of the formats: what its start looks like. */
  readonly reason: string;
}

export interface HistoryFileSource {
  /** Looks at the file's content (never its name alone); throws InvalidInputError for a missing path. */
  recognise(path: string): Promise<RecognisedHistoryFile | UnrecognisedHistoryFile>;
}
