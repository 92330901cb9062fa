// Spotify streaming-history exports as a use case sees them: files (plain or inside zips), each
// read as a stream of rows with the exact text of each row for the ledger.
import type { SpotifyStreamRow } from '../../domain/history/spotify-listen-rules.js';

export interface SpotifyExportRecord {
  readonly row: SpotifyStreamRow;
  /**
   * The row's JSON text exactly as it stands in the file; a row that is not UTF-8 is held as its
   * bytes in base64 (`{"narada_raw_bytes_base64":"…"}`), so its exact bytes can always be recovered.
   */
  readonly payload: string;
}

export interface SpotifyExportBatch {
  readonly records: readonly SpotifyExportRecord[];
  /** Bytes of the file read so far (uncompressed), for progress. */
  readonly bytesRead: number;
}

export interface SpotifyExportFile {
  /** `Streaming_History_Audio_2024.json`, or `my_spotify_data.zip › Streaming_History_Audio_2024.json`. */
  readonly label: string;
  /** Uncompressed size, for progress. */
  readonly sizeBytes: number;
  /** Rows `batchSize` at a time; throws CorruptExportError where the file stops being readable. */
  batches(batchSize: number): AsyncIterable<SpotifyExportBatch>;
}

export interface SpotifyExportSource {
  /**
   * The history files among `paths` (files, zips, folders), in a stable order. Throws
   * InvalidInputError for a path that does not exist and CorruptExportError for an unreadable zip.
   */
  files(paths: readonly string[]): Promise<readonly SpotifyExportFile[]>;
}
