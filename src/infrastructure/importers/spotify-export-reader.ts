// The SpotifyExportSource over the file system: each history file streamed through the JSON array
// scanner, one row parsed at a time, rows handed out in batches with their exact bytes kept for the
// ledger (see export-row-text.ts for rows that are not UTF-8).
import type {
  SpotifyExportBatch,
  SpotifyExportFile,
  SpotifyExportRecord,
  SpotifyExportSource,
} from '../../application/ports/spotify-export.port.js';
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { jsonArrayBatches } from './json-array-batches.js';
import type { ScannedObject } from './json-array-scanner.js';
import { exportRowText } from './export-row-text.js';
import { findExportFiles, type ExportFileRef } from './spotify-export-files.js';
import { readSpotifyRow } from './spotify-row-mapper.js';

export class FileSystemSpotifyExportSource implements SpotifyExportSource {
  async files(paths: readonly string[]): Promise<readonly SpotifyExportFile[]> {
    return (await findExportFiles(paths)).map((ref) => ({
      label: ref.label,
      sizeBytes: ref.sizeBytes,
      batches: (batchSize: number) => readBatches(ref, batchSize),
    }));
  }
}

async function* readBatches(ref: ExportFileRef, batchSize: number): AsyncGenerator<SpotifyExportBatch> {
  for await (const { items, bytesRead } of jsonArrayBatches(
    ref.label,
    ref.bytes,
    batchSize,
    'row',
    (object) => [toRecord(ref.label, object)],
  ))
    yield { records: items, bytesRead };
}

function toRecord(label: string, object: ScannedObject): SpotifyExportRecord {
  const where = `row ${object.index + 1}, byte ${object.offset}`;
  const { text, payload } = exportRowText(object.bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptExportError(
      label,
      where,
      `invalid JSON (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }
  const reading = readSpotifyRow(value);
  if (!reading.ok) throw new CorruptExportError(label, where, reading.reason);
  return { row: reading.row, payload };
}
