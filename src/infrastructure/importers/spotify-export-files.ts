// Finds the streaming-history files among what the user named: JSON files as given, the history
// entries inside zips, and history files (or zips) inside folders. Other export files are ignored,
// but a zip or folder holding no history at all is refused, naming what was in it.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { readZipEntries, readZipEntry, ZipFormatError } from './zip-archive.js';

/** Extended history (Streaming_History_Audio/Video_*, endsong_*) and account data (StreamingHistory*). */
const HISTORY_FILE =
  /^(Streaming_History_(Audio|Video)_.*|endsong_\d+|StreamingHistory(_music|_podcast)?_?\d*)\.json$/i;
/** A zip starts with its first entry's local header, or, when it has none, its end record. */
const ZIP_MAGICS = [0x04034b50, 0x06054b50];
const EXPECTED =
  'StreamingHistory*.json (account data) or Streaming_History_Audio_*.json, Streaming_History_Video_*.json, endsong_*.json (extended history)';
/** How many of the names looked at a refusal lists. */
const NAMES_SHOWN = 10;

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
    if (!info.isDirectory() && !(await isZip(path))) {
      found.push(plainFile(path, path, info.size));
      continue;
    }
    const { refs, lookedAt } = info.isDirectory() ? await filesInFolder(path) : await zipEntries(path, path);
    if (refs.length === 0) throw noHistoryError(path, info.isDirectory() ? 'folder' : 'zip', lookedAt);
    found.push(...refs);
  }
  return found;
}

/** The history files found, and the names of every file looked at (for the refusal of none). */
interface Search {
  readonly refs: ExportFileRef[];
  readonly lookedAt: string[];
}

async function filesInFolder(folder: string): Promise<Search> {
  const names = (await readdir(folder, { recursive: true })).sort(naturalOrder);
  const refs: ExportFileRef[] = [];
  const lookedAt: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    if (isHistoryFileName(name)) refs.push(plainFile(path, path, info.size));
    else if (name.toLowerCase().endsWith('.zip') && (await isZip(path))) {
      const inZip = await zipEntries(path, path);
      refs.push(...inZip.refs);
      lookedAt.push(...inZip.lookedAt.map((entry) => `${name} › ${entry}`));
      continue;
    }
    lookedAt.push(name);
  }
  return { refs, lookedAt };
}

function noHistoryError(
  path: string,
  kind: 'zip' | 'folder',
  lookedAt: readonly string[],
): InvalidInputError {
  const shown = lookedAt.slice(0, NAMES_SHOWN).join(', ');
  const more = lookedAt.length > NAMES_SHOWN ? ` and ${lookedAt.length - NAMES_SHOWN} more` : '';
  const seen =
    lookedAt.length === 0
      ? `the ${kind} is empty`
      : `looked at ${lookedAt.length} file(s) (${shown}${more}), none of them streaming history`;
  return new InvalidInputError(
    'HISTORY.NO_HISTORY_FILES',
    `${path}: ${seen}; expected ${EXPECTED}. Nothing was imported; pass the Spotify export's zip, the folder it unzipped to, or its history files.`,
    { details: { path, lookedAt } },
  );
}

async function zipEntries(path: string, label: string): Promise<Search> {
  let entries;
  try {
    entries = await readZipEntries(path);
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw new CorruptExportError(label, 'zip directory', error.message, error);
    throw error;
  }
  const files = entries.filter((entry) => !entry.name.endsWith('/'));
  const refs = files
    .filter((entry) => isHistoryFileName(entry.name))
    .sort((a, b) => naturalOrder(a.name, b.name))
    .map((entry) => ({
      label: `${label} › ${entry.name}`,
      sizeBytes: entry.size,
      bytes: () => readZipEntry(path, entry),
    }));
  return { refs, lookedAt: files.map((entry) => entry.name) };
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
    return bytesRead === 4 && ZIP_MAGICS.includes(head.readUInt32LE(0));
  } finally {
    await file.close();
  }
}

/** `…_2.json` before `…_10.json`. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
