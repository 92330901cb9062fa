// ListenBrainz's `POST /1/submit-listens` document and its rules, as the ListenBrainz server checks
// them (webserver/views/api.py and api_tools.validate_listen): the same limits, the same order of
// checks and the same messages, each naming the field, with the listen's index in the payload added.
// Pure: the caller gives the text as received, its size in bytes and the time now.
import { InvalidInputError } from '../shared/errors.js';
import type { EpochMs } from '../values/time.js';
import { payloadElementTexts } from './payload-texts.js';

export type ListenType = 'single' | 'import' | 'playing_now';

/** api_tools.MAX_LISTEN_SIZE: bytes per listen, counted over the whole document. */
export const MAX_LISTEN_SIZE = 10_240;
/** api_tools.MAX_LISTENS_PER_REQUEST. */
export const MAX_LISTENS_PER_REQUEST = 1000;
/** api_tools.MAX_LISTEN_PAYLOAD_SIZE: the whole document. */
export const MAX_LISTEN_PAYLOAD_SIZE = MAX_LISTEN_SIZE * MAX_LISTENS_PER_REQUEST;
/** listenstore.LISTEN_MINIMUM_TS: 2002-10-01 00:00:00 UTC, before Last.fm began. */
export const LISTEN_MINIMUM_TS = 1_033_410_600;
/** webserver.API_LISTENED_AT_ALLOWED_SKEW: listens up to an hour ahead of the server's clock. */
export const LISTENED_AT_ALLOWED_SKEW_S = 3600;
const MAX_TAGS_PER_LISTEN = 50;
const MAX_TAG_SIZE = 64;
/** MAX_DURATION_LIMIT: 24 days. */
const MAX_DURATION_S = 24 * 24 * 60 * 60;
const SINGLE_MBIDS = ['release_mbid', 'recording_mbid', 'release_group_mbid', 'track_mbid'] as const;
const MULTIPLE_MBIDS = ['artist_mbids', 'work_mbids'] as const;

/** One listen of an accepted document. */
export interface SubmittedListen {
  /** Its position in the payload. */
  readonly index: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  /** Start of playback (`listened_at`); null for `playing_now`. */
  readonly playedAt: EpochMs | null;
  readonly recordingMbid: string | null;
  /** The track's length when the player said (`duration_ms`, or `duration` in seconds). */
  readonly durationMs: number | null;
  /** The listen's JSON text exactly as it stood in the document. */
  readonly payload: string;
}

export interface ListenSubmission {
  readonly listenType: ListenType;
  readonly listens: readonly SubmittedListen[];
}

/** A document ListenBrainz would refuse with 400; the message is its (`error` in the answer). */
export class SubmissionRejected extends InvalidInputError {
  constructor(message: string, listenIndex: number | null = null) {
    super('INTAKE.BAD_SUBMISSION', listenIndex === null ? message : `${message} (payload[${listenIndex}])`, {
      details: { listenIndex },
    });
  }
}

/** The submission in `text` (`bytes` long as received), or SubmissionRejected saying why not. */
export function readSubmission(text: string, bytes: number, now: EpochMs): ListenSubmission {
  if (bytes > MAX_LISTEN_PAYLOAD_SIZE) {
    throw new SubmissionRejected(`Payload too large. Payload cannot exceed ${MAX_LISTEN_PAYLOAD_SIZE} bytes`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SubmissionRejected(`Cannot parse JSON document: ${(error as Error).message}`);
  }
  if (!isObject(data)) {
    throw new SubmissionRejected(
      'Invalid JSON document submitted. Top level of JSON document should be a json object.',
    );
  }
  if (!('payload' in data)) throw new SubmissionRejected('Invalid JSON document submitted.');
  const payload = data['payload'];
  if (!Array.isArray(payload))
    throw new SubmissionRejected('The payload in the JSON document should be a list of listens.');
  if (payload.length === 0) throw new SubmissionRejected('JSON document does not contain any listens');
  if (payload.length > MAX_LISTENS_PER_REQUEST) {
    throw new SubmissionRejected(
      `Too many listens. You may not submit more than ${MAX_LISTENS_PER_REQUEST} listens at once.`,
    );
  }
  if (bytes > payload.length * MAX_LISTEN_SIZE) {
    throw new SubmissionRejected(
      `JSON document is too large. Each listens may not be larger than ${MAX_LISTEN_SIZE} bytes.`,
    );
  }
  if (!('listen_type' in data)) throw new SubmissionRejected('Invalid JSON document submitted.');
  const listenType = data['listen_type'];
  if (listenType !== 'single' && listenType !== 'import' && listenType !== 'playing_now')
    throw new SubmissionRejected('JSON document requires a valid listen_type key.');
  if (listenType !== 'import' && payload.length > 1) {
    throw new SubmissionRejected(
      'JSON document contains more than listen for a single/playing_now. It should contain only one.',
    );
  }
  const checked = payload.map((listen: unknown, index) => checkListen(listen, listenType, index, now));
  // Each listen is kept as it was sent; a document whose elements cannot be told apart in the text
  // (a key spelled with escapes) keeps each listen as JSON of its parsed value instead.
  const texts = payloadElementTexts(text);
  const asSent = texts !== null && texts.length === payload.length ? texts : null;
  return {
    listenType,
    listens: checked.map((listen, index) => ({
      ...listen,
      payload: asSent?.[index] ?? JSON.stringify(payload[index]),
    })),
  };
}

function checkListen(
  listen: unknown,
  listenType: ListenType,
  index: number,
  now: EpochMs,
): Omit<SubmittedListen, 'payload'> {
  const reject = (message: string): never => {
    throw new SubmissionRejected(message, index);
  };
  if (listen === null || listen === undefined) reject('Listen is empty and cannot be validated.');
  if (!isObject(listen)) return reject('A listen must be a JSON object.');
  const keys = Object.keys(listen).length;
  let playedAt: EpochMs | null = null;
  if (listenType === 'playing_now') {
    if ('listened_at' in listen)
      reject('JSON document must not contain listened_at while submitting playing_now.');
    if (!('track_metadata' in listen))
      reject('JSON document must contain the key track_metadata at the top level.');
    if (keys > 1)
      reject('JSON document may only contain track_metadata as top level key when submitting playing_now.');
  } else {
    if (!('listened_at' in listen))
      reject('JSON document must contain the key listened_at at the top level.');
    const seconds = pythonInt(listen['listened_at']);
    if (seconds === null) return reject('JSON document must contain an int value for listened_at.');
    if (seconds >= Math.floor(now / 1000) + LISTENED_AT_ALLOWED_SKEW_S)
      reject('Value for key listened_at is too high.');
    if (seconds < LISTEN_MINIMUM_TS) {
      reject(
        `Value for key listened_at is too low. listened_at timestamp should be greater than ${LISTEN_MINIMUM_TS} (2002-10-01 00:00:00 UTC).`,
      );
    }
    if (!('track_metadata' in listen))
      reject('JSON document must contain the key track_metadata at the top level.');
    if (keys > 2) reject('JSON document may only contain listened_at and track_metadata top level keys');
    playedAt = seconds * 1000;
  }
  const meta = listen['track_metadata'];
  if (meta === null) reject('JSON document may not have track_metadata with null value.');
  if (!isObject(meta)) return reject('track_metadata must be a JSON object.');
  const title = basicField(meta, 'track_name', true, reject)!;
  const artist = basicField(meta, 'artist_name', true, reject)!;
  const album = basicField(meta, 'release_name', false, reject);
  const info = checkAdditionalInfo(meta, reject);
  const nul = findUnicodeNull(listen);
  if (nul !== null) reject(`${nul} contains a unicode null`);
  return { index, artist, title, album, playedAt, ...info };
}

function basicField(
  meta: Record<string, unknown>,
  key: string,
  required: boolean,
  reject: (message: string) => never,
): string | null {
  if (!(key in meta)) {
    if (required) reject(`JSON document does not contain required field track_metadata.${key}.`);
    return null;
  }
  const value = meta[key];
  if (typeof value !== 'string') return reject(`track_metadata.${key} must be a single string.`);
  const trimmed = value.trim();
  if (trimmed === '') reject(`field track_metadata.${key} is empty.`);
  return trimmed;
}

function checkAdditionalInfo(
  meta: Record<string, unknown>,
  reject: (message: string) => never,
): { recordingMbid: string | null; durationMs: number | null } {
  if (!('additional_info' in meta)) return { recordingMbid: null, durationMs: null };
  const info = meta['additional_info'];
  if (!isObject(info)) return reject('track_metadata.additional_info must be a JSON object.');
  if ('tags' in info) {
    const tags = info['tags'];
    if (!Array.isArray(tags)) return reject('track_metadata.additional_info.tags must be a list of strings.');
    if (tags.length > MAX_TAGS_PER_LISTEN) {
      reject(
        `JSON document may not contain more than ${MAX_TAGS_PER_LISTEN} items in track_metadata.additional_info.tags.`,
      );
    }
    for (const tag of tags) {
      if (String(tag).length > MAX_TAG_SIZE) {
        reject(
          `JSON document may not contain track_metadata.additional_info.tags longer than ${MAX_TAG_SIZE} characters.`,
        );
      }
    }
  }
  if ('duration' in info && 'duration_ms' in info)
    reject('JSON document should not contain both duration and duration_ms.');
  const seconds = durationField(info, 'duration', MAX_DURATION_S, reject);
  const ms = durationField(info, 'duration_ms', MAX_DURATION_S * 1000, reject);
  for (const key of SINGLE_MBIDS) {
    const mbid = info[key];
    if (mbid && !isUuid(mbid)) reject(`${key} MBID format invalid.`);
  }
  for (const key of MULTIPLE_MBIDS) {
    const mbids = info[key];
    if (!mbids) continue;
    if (!Array.isArray(mbids) || mbids.some((mbid) => mbid && !isUuid(mbid)))
      reject(`${key} MBID format invalid.`);
  }
  const recording = info['recording_mbid'];
  return {
    recordingMbid: typeof recording === 'string' && recording !== '' ? recording.toLowerCase() : null,
    durationMs: ms ?? (seconds === null ? null : seconds * 1000),
  };
}

/** A positive integer up to `max` (numbers or digit strings, as the server's `int()` takes them). */
function durationField(
  info: Record<string, unknown>,
  key: string,
  max: number,
  reject: (message: string) => never,
): number | null {
  if (!(key in info)) return null;
  const value = pythonInt(info[key]);
  if (value === null || value <= 0) reject(`Value for ${key} is invalid, should be a positive integer.`);
  if (value! > max) reject(`Value for ${key} is too large, max permitted value is ${max}`);
  return value;
}

/** What Python's `int()` makes of a JSON value: numbers truncated, integer strings read; else null. */
function pythonInt(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value))
    return Number.parseInt(value.replace(/_/g, ''), 10);
  return null;
}

/** Python's `uuid.UUID()` forms: hyphens optional, braces or a `urn:uuid:` prefix allowed. */
function isUuid(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const hex = value
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex);
}

/** The first string in the listen holding U+0000 (PostgreSQL cannot store one), or null. */
function findUnicodeNull(value: unknown): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? value : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnicodeNull(item);
      if (found !== null) return found;
    }
  } else if (isObject(value)) {
    for (const item of Object.values(value)) {
      const found = findUnicodeNull(item);
      if (found !== null) return found;
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
