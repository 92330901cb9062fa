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
import { JsonArrayScanner, JsonScanError, type ScannedObject } from './json-array-scanner.js';
import { exportRowText } from './export-row-text.js';
import { findExportFiles, type ExportFileRef } from './spotify-export-files.js';
import { readSpotifyRow } from './spotify-row-mapper.js';
import { ZipFormatError } from './zip-archive.js';

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
  const scanner = new JsonArrayScanner();
  let batch: SpotifyExportRecord[] = [];
  let bytesRead = 0;
  try {
    for await (const chunk of ref.bytes()) {
      bytesRead += chunk.length;
      for (const object of scanner.push(chunk)) {
        batch.push(toRecord(ref.label, object));
        if (batch.length >= batchSize) {
          yield { records: batch, bytesRead };
          batch = [];
        }
      }
    }
    scanner.end();
  } catch (error) {
    if (error instanceof JsonScanError) {
      throw new CorruptExportError(
        ref.label,
        error.element === null ? `byte ${error.offset}` : `row ${error.element + 1}, byte ${error.offset}`,
        error.message,
        error,
      );
    }
    if (error instanceof ZipFormatError)
      throw new CorruptExportError(ref.label, `byte ${bytesRead}`, error.message, error);
    throw error;
  }
  if (batch.length > 0) yield { records: batch, bytesRead };
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
