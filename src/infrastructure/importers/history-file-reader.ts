// The HistoryFileSource over the file system: recognises each path by its content (a zip's entries, a
// plain file's first bytes) and streams its listens: CSV through csv-parse, JSONL line by line, so
// memory stays flat whatever the file's size.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type {
  FileListen,
  FileListenBatch,
  HistoryFilePart,
  HistoryFileSource,
  RecognisedHistoryFile,
  UnrecognisedHistoryFile,
} from '../../application/ports/history-file.port.js';
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { collect, fileBytes, naturalOrder, parseJson, readHead } from './file-bytes.js';
import { recogniseCsvLayout, type CsvLayout } from './lastfm-csv-layouts.js';
import { jsonListFile } from './history-json-lists.js';
import { jsonLines, type JsonLine } from './json-lines.js';
import {
  listenBrainzUser,
  looksLikeListenBrainzListen,
  readListenBrainzListen,
} from './listenbrainz-listen.js';
import { isHistoryFileName } from './spotify-export-files.js';
import { readZipEntries, readZipEntry, ZipFormatError, type ZipEntry } from './zip-archive.js';

const HEAD_BYTES = 64 * 1024;
/**
 * csv-parse turns a whole chunk into records at once and they wait in its buffer: a 1 MiB chunk is
 * ~20,000 rows that outlive several young-generation collections, get promoted and inflate the heap
 * (1M-row bench: peak 310 MB; with 64 KiB chunks 260 MB, at the same speed).
 */
const CSV_CHUNK_BYTES = 64 * 1024;
const ZIP_MAGICS = [0x04034b50, 0x06054b50];
const LISTENS_ENTRY = /(^|\/)listens\/\d{4}\/\d{1,2}\.jsonl$/;
const USER_ENTRY = /(^|\/)user\.json$/;
/** Spotify rows carry these; a JSON list without them is some other export. */
const SPOTIFY_KEYS = /"(ts|endTime|ms_played|msPlayed)"\s*:/;

export class FileSystemHistoryFileSource implements HistoryFileSource {
  async recognise(path: string): Promise<RecognisedHistoryFile | UnrecognisedHistoryFile> {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      throw new InvalidInputError('HISTORY.NO_SUCH_FILE', `${path} does not exist; nothing was imported`, {
        details: { path },
      });
    }
    if (info.isDirectory()) return recogniseFolder(path);
    const head = await readHead(path, HEAD_BYTES);
    if (head.length >= 4 && ZIP_MAGICS.includes(head.readUInt32LE(0))) return recogniseZip(path);
    return recognisePlain(path, info.size, head);
  }
}

async function recogniseFolder(path: string): Promise<RecognisedHistoryFile> {
  const names = (await readdir(path, { recursive: true })).map((n) => n.split('\\').join('/'));
  const listens = names.filter((n) => LISTENS_ENTRY.test(n)).sort(naturalOrder);
  if (listens.length === 0 || !names.some((n) => USER_ENTRY.test(n))) return spotify(path, 'a folder');
  const parts = await Promise.all(
    listens.map(async (name) => {
      const file = join(path, name);
      return jsonlPart(`${path} › ${name}`, (await stat(file)).size, () => fileBytes(file));
    }),
  );
  const userFile = names.find((n) => USER_ENTRY.test(n))!;
  const listener = listenBrainzUser(parseJson(await collect(fileBytes(join(path, userFile)))));
  return listenBrainzExport(path, listener, parts);
}

async function recogniseZip(path: string): Promise<RecognisedHistoryFile | UnrecognisedHistoryFile> {
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(path);
  } catch (error) {
    if (error instanceof ZipFormatError)
      return { path, format: null, reason: `a damaged zip (${error.message})` };
    throw error;
  }
  const listens = entries
    .filter((e) => LISTENS_ENTRY.test(e.name))
    .sort((a, b) => naturalOrder(a.name, b.name));
  const user = entries.find((e) => USER_ENTRY.test(e.name));
  if (listens.length > 0 && user !== undefined) {
    const parts = listens.map((e) => jsonlPart(`${path} › ${e.name}`, e.size, () => readZipEntry(path, e)));
    const listener = listenBrainzUser(parseJson(await collect(readZipEntry(path, user))));
    return listenBrainzExport(path, listener, parts);
  }
  if (entries.some((e) => isHistoryFileName(e.name))) return spotify(path, 'a zip');
  const names = entries.slice(0, 5).map((e) => e.name);
  return {
    path,
    format: null,
    reason: `a zip of neither a ListenBrainz export (user.json and listens/YYYY/M.jsonl) nor Spotify streaming history (it holds ${names.join(', ') || 'nothing'}${entries.length > 5 ? ', …' : ''})`,
  };
}

function recognisePlain(
  path: string,
  size: number,
  head: Buffer,
): RecognisedHistoryFile | UnrecognisedHistoryFile {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('[')) {
    // Listens and Last.fm pages first: their fields never occur in a Spotify row, but the reverse is less sure.
    const list = jsonListFile(path, size, head, () => fileBytes(path));
    if (list !== null) return list;
    if (SPOTIFY_KEYS.test(start)) return spotify(path, 'a JSON list');
    return {
      path,
      format: null,
      reason:
        'a JSON list of neither Spotify streaming-history rows (ts/endTime, ms_played), ListenBrainz listens (listened_at, track_metadata) nor Last.fm user.getRecentTracks pages',
    };
  }
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (start.startsWith('{')) {
    const value = parseJson(Buffer.from(firstLine));
    if (looksLikeListenBrainzListen(value)) {
      return {
        path,
        format: 'listenbrainz_jsonl',
        description: 'ListenBrainz listens (JSONL)',
        listener: null,
        parts: [jsonlPart(path, size, () => fileBytes(path))],
      };
    }
    return {
      path,
      format: null,
      reason: 'JSON whose first line is not a ListenBrainz listen (listened_at, track_metadata)',
    };
  }
  const layout = csvLayoutOf(firstLine);
  if (layout === null) {
    const shown = firstLine.length > 80 ? `${firstLine.slice(0, 80)}…` : firstLine;
    return {
      path,
      format: null,
      reason: `its first line (${JSON.stringify(shown)}) is no Last.fm CSV layout Narada knows`,
    };
  }
  return {
    path,
    format: 'lastfm_csv',
    description: `Last.fm CSV, ${layout.name}`,
    listener: null,
    parts: [{ label: path, sizeBytes: size, batches: (n) => csvBatches(path, layout, n) }],
  };
}

function csvLayoutOf(line: string): CsvLayout | null {
  try {
    const rows = parseSync(line, { relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0] === undefined ? null : recogniseCsvLayout(rows[0]);
  } catch {
    return null;
  }
}

async function* csvBatches(
  path: string,
  layout: CsvLayout,
  batchSize: number,
): AsyncGenerator<FileListenBatch> {
  const stream = createReadStream(path, { highWaterMark: CSV_CHUNK_BYTES });
  const parser = stream.pipe(
    parse({
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      info: true,
    }),
  );
  let batch: FileListen[] = [];
  let first = true;
  let line = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      raw: string;
      info: { lines: number };
    }>) {
      line = item.info.lines;
      if (first && layout.header) {
        first = false;
        continue;
      }
      first = false;
      const read = layout.read(item.record);
      if ('error' in read) throw new CorruptExportError(path, `line ${line}`, read.error);
      const payload = JSON.stringify({ csv_row: item.raw.replace(/\r?\n$/, '') });
      batch.push({ source: 'lastfm_csv', ...read, payload });
      if (batch.length >= batchSize) {
        yield { listens: batch, bytesRead: stream.bytesRead };
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof CorruptExportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CorruptExportError(path, `line ${line + 1}`, `not readable as CSV (${reason})`, error);
  } finally {
    stream.destroy();
  }
  if (batch.length > 0) yield { listens: batch, bytesRead: stream.bytesRead };
}

function jsonlPart(label: string, sizeBytes: number, bytes: () => AsyncIterable<Buffer>): HistoryFilePart {
  return { label, sizeBytes, batches: (n) => jsonlBatches(label, bytes, n) };
}

async function* jsonlBatches(
  label: string,
  bytes: () => AsyncIterable<Buffer>,
  batchSize: number,
): AsyncGenerator<FileListenBatch> {
  let batch: FileListen[] = [];
  let bytesRead = 0;
  try {
    for await (const line of jsonLines(bytes())) {
      bytesRead = line.bytesRead;
      batch.push(toListen(label, line));
      if (batch.length >= batchSize) {
        yield { listens: batch, bytesRead };
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw new CorruptExportError(label, `byte ${bytesRead}`, error.message, error);
    throw error;
  }
  if (batch.length > 0) yield { listens: batch, bytesRead };
}

function toListen(label: string, line: JsonLine): FileListen {
  if (line.error !== null) throw new CorruptExportError(label, `line ${line.number}`, line.error);
  const value = parseJson(Buffer.from(line.text));
  if (value === undefined) throw new CorruptExportError(label, `line ${line.number}`, 'invalid JSON');
  const read = readListenBrainzListen(value);
  if ('error' in read) throw new CorruptExportError(label, `line ${line.number}`, read.error);
  return { source: 'listenbrainz', ...read, payload: line.text };
}

function listenBrainzExport(
  path: string,
  listener: string | null,
  parts: readonly HistoryFilePart[],
): RecognisedHistoryFile {
  return {
    path,
    format: 'listenbrainz_export',
    description: `ListenBrainz export${listener === null ? '' : ` of ${listener}`} (${parts.length} month file(s))`,
    listener,
    parts,
  };
}

function spotify(path: string, what: string): RecognisedHistoryFile {
  return {
    path,
    format: 'spotify_export',
    description: `Spotify streaming history (${what})`,
    listener: null,
    parts: [],
  };
}
