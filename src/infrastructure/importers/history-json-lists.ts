// History files that are one JSON list: ListenBrainz's export before the zip (`<user>_lb-DATE.json`,
// one array of listens) and dumps of Last.fm's user.getRecentTracks pages (an array of pages, as
// Last.fm backup tools save them). Streamed with the JsonArrayScanner: one listen, or one page of at
// most 200 scrobbles, is held at a time.
import type {
  FileListen,
  FileListenBatch,
  RecognisedHistoryFile,
} from '../../application/ports/history-file.port.js';
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { NaradaError } from '../../domain/shared/errors.js';
import { mapRecentTracksPage } from '../connectors/lastfm/lastfm-history-mapper.js';
import { JsonArrayScanner, type ScannedObject } from './json-array-scanner.js';
import { jsonArrayBatches } from './json-array-batches.js';
import {
  listenBrainzUser,
  looksLikeListenBrainzListen,
  readListenBrainzListen,
} from './listenbrainz-listen.js';

export type JsonListFormat = 'listenbrainz_json' | 'lastfm_json';

/** A page dump starts with a page (`{"track": [...], "@attr": ...}`) or a whole answer (`{"recenttracks": ...}`). */
const LASTFM_PAGE_START = /^\[\s*\{\s*"(recenttracks|track|@attr)"\s*:/;

/** A plain file that starts with `[`, when it is one of these lists; null when it is not. */
export function jsonListFile(
  path: string,
  sizeBytes: number,
  head: Buffer,
  bytes: () => AsyncIterable<Buffer>,
): RecognisedHistoryFile | null {
  const list = recogniseJsonList(head);
  if (list === null) return null;
  const { format, listener } = list;
  return {
    path,
    format,
    description:
      format === 'lastfm_json'
        ? 'Last.fm API pages (user.getRecentTracks JSON)'
        : `ListenBrainz listens (JSON list${listener === null ? '' : ` of ${listener}`})`,
    listener,
    parts: [{ label: path, sizeBytes, batches: (n) => jsonListBatches(path, format, bytes, n) }],
  };
}

/**
 * What a file that starts with `[` holds, from its first bytes: the first element when it lies within
 * them (a listen does), else the start of a Last.fm page (a page is longer than the head); null when
 * it is neither format.
 */
function recogniseJsonList(head: Buffer): { format: JsonListFormat; listener: string | null } | null {
  const first = firstElement(head);
  if (first !== undefined) {
    if (looksLikeListenBrainzListen(first))
      return { format: 'listenbrainz_json', listener: listenBrainzUser(first) };
    return isLastfmPage(first) ? { format: 'lastfm_json', listener: null } : null;
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return LASTFM_PAGE_START.test(text) && /"uts"\s*:/.test(text)
    ? { format: 'lastfm_json', listener: null }
    : null;
}

async function* jsonListBatches(
  label: string,
  format: JsonListFormat,
  bytes: () => AsyncIterable<Buffer>,
  batchSize: number,
): AsyncGenerator<FileListenBatch> {
  const [element, read] = format === 'listenbrainz_json' ? ['listen', listenOf] : ['page', pageListens];
  for await (const { items, bytesRead } of jsonArrayBatches(label, bytes, batchSize, element, (object) =>
    read(label, object),
  ))
    yield { listens: items, bytesRead };
}

/** One element of a ListenBrainz list; its JSON text is the payload, as a JSONL line's is. */
function listenOf(label: string, object: ScannedObject): FileListen[] {
  const where = `listen ${object.index + 1}, byte ${object.offset}`;
  const text = object.bytes.toString('utf8');
  const read = readListenBrainzListen(parse(label, where, text));
  if ('error' in read) throw new CorruptExportError(label, where, read.error);
  return [{ source: 'listenbrainz', ...read, payload: text }];
}

/**
 * The scrobbles of one page, read by the Last.fm connector's own mapper, so they are the same events
 * `history import lastfm` stores (each keeps its entry's text as received). The now-playing entry and
 * entries without artist, title or time are left out, as there.
 */
function pageListens(label: string, object: ScannedObject): FileListen[] {
  const where = `page ${object.index + 1}, byte ${object.offset}`;
  const text = object.bytes.toString('utf8');
  const value = parse(label, where, text);
  if (!isLastfmPage(value)) {
    throw new CorruptExportError(label, where, 'not a user.getRecentTracks page (no "track" list)');
  }
  const whole = 'recenttracks' in value;
  try {
    const page = mapRecentTracksPage(
      whole ? value : { recenttracks: value },
      whole ? text : `{"recenttracks":${text}}`,
    );
    return page.listens.map((l) => ({
      source: 'lastfm',
      artist: l.artist,
      title: l.title,
      album: l.album,
      mbid: l.mbid,
      playedAt: l.playedAt,
      payload: l.rawText,
    }));
  } catch (error) {
    if (error instanceof NaradaError) throw new CorruptExportError(label, where, error.message, error);
    throw error;
  }
}

function isLastfmPage(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const page = isObject(value['recenttracks']) ? value['recenttracks'] : value;
  return 'track' in page && (Array.isArray(page['track']) || isObject(page['track']));
}

function firstElement(head: Buffer): unknown {
  try {
    const [first] = new JsonArrayScanner().push(head);
    return first === undefined ? undefined : (JSON.parse(first.bytes.toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

function parse(label: string, where: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CorruptExportError(
      label,
      where,
      `invalid JSON (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
