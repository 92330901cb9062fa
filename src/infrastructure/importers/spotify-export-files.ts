// Finds the streaming-history files among what the user named: JSON files as given, the history
// entries inside zips, and history files (or zips) inside folders. Other export files are ignored.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { readZipEntries, readZipEntry, ZipFormatError } from './zip-archive.js';

/** Extended history (Streaming_History_Audio/Video_*, endsong_*) and account data (StreamingHistory*). */
const HISTORY_FILE =
  /^(Streaming_History_(Audio|Video)_.*|endsong_\d+|StreamingHistory(_music|_podcast)?_?\d*)\.json$/i;
const ZIP_MAGIC = 0x04034b50;

export interface ExportFileRef {
  readonly label: string;
  readonly sizeBytes: number;
  /** The file's bytes (decompressed for zip entries); may throw ZipFormatError while reading. */
  bytes(): AsyncIterable<Buffer>;
}

export function isHistoryFileName(name: string): boolean {
  return HISTORY_FILE.test(basename(name));
}

export async function findExportFiles(paths: readonly string[]): Promise<ExportFileRef[]> {
  const found: ExportFileRef[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      throw new InvalidInputError(
        'HISTORY.NO_SUCH_FILE',
        `${path} does not exist; pass Spotify export files (.json), the export's .zip, or the folder it unzipped to`,
        { details: { path } },
      );
    }
    if (info.isDirectory()) found.push(...(await filesInFolder(path)));
    else if (await isZip(path)) found.push(...(await zipEntries(path, path)));
    else found.push(plainFile(path, path, info.size));
  }
  return found;
}

async function filesInFolder(folder: string): Promise<ExportFileRef[]> {
  const names = (await readdir(folder, { recursive: true })).sort(naturalOrder);
  const refs: ExportFileRef[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    if (isHistoryFileName(name)) refs.push(plainFile(path, path, info.size));
    else if (name.toLowerCase().endsWith('.zip') && (await isZip(path)))
      refs.push(...(await zipEntries(path, path)));
  }
  return refs;
}

async function zipEntries(path: string, label: string): Promise<ExportFileRef[]> {
  let entries;
  try {
    entries = await readZipEntries(path);
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw new CorruptExportError(label, 'zip directory', error.message, error);
    throw error;
  }
  return entries
    .filter((entry) => !entry.name.endsWith('/') && isHistoryFileName(entry.name))
    .sort((a, b) => naturalOrder(a.name, b.name))
    .map((entry) => ({
      label: `${label} › ${entry.name}`,
      sizeBytes: entry.size,
      bytes: () => readZipEntry(path, entry),
    }));
}

function plainFile(path: string, label: string, sizeBytes: number): ExportFileRef {
  return {
    label,
    sizeBytes,
    bytes: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>,
  };
}

async function isZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === ZIP_MAGIC;
  } finally {
    await file.close();
  }
}

/** `…_2.json` before `…_10.json`. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
