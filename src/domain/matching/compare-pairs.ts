// The line format of `narada tracks compare <pairs.jsonl>`: one JSON pair per line in, one scored record out.
// Parsing is strict and names the line and field, so a user can fix the file.
import { InvalidInputError } from '../shared/errors.js';
import type { MatchEvidence, MatchMethod } from '../track/track-mapping.js';
import { Isrc } from '../values/isrc.js';
import { Mbid } from '../values/mbid.js';
import type { MatchInput } from './match-input.js';
import { scoreMatch, type MatchScore } from './match-scorer.js';

export interface ComparePair {
  readonly id: string;
  readonly a: MatchInput;
  readonly b: MatchInput;
}

export interface CompareOutput {
  readonly id: string;
  readonly confidence: number;
  /** The auto-accept decision. */
  readonly same: boolean;
  readonly method: MatchMethod;
  readonly evidence: MatchEvidence;
}

const LINE_SHAPE =
  'each line needs {"id": "...", "a": {"artist": "...", "title": "..."}, "b": {...}} (album, duration_ms, isrc, spotify_id, mbid optional)';

function invalid(lineNumber: number, field: string, problem: string): InvalidInputError {
  return new InvalidInputError(
    'COMPARE.INVALID_FIELD',
    `Line ${lineNumber}: "${field}" ${problem}; ${LINE_SHAPE}`,
    {
      details: { line: lineNumber, field },
    },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(
  record: Record<string, unknown>,
  key: string,
  field: string,
  line: number,
): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(line, `${field}.${key}`, 'must be a string or null');
  return value.trim() === '' ? null : value;
}

function parseArtists(record: Record<string, unknown>, field: string, line: number): string[] {
  const list = record['artists'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list) || list.length === 0)
      throw invalid(line, `${field}.artists`, 'must be a non-empty array of strings');
    return list.map((item: unknown, index) => {
      if (typeof item !== 'string' || item.trim() === '') {
        throw invalid(line, `${field}.artists[${index}]`, 'must be a non-empty string');
      }
      return item;
    });
  }
  const single = record['artist'];
  if (typeof single !== 'string' || single.trim() === '') {
    throw invalid(line, `${field}.artist`, 'must be a non-empty string (or give "artists" as an array)');
  }
  return [single];
}

function parseTrack(value: unknown, field: string, line: number): MatchInput {
  if (!isRecord(value)) throw invalid(line, field, 'must be an object');
  const artists = parseArtists(value, field, line);
  const title = value['title'];
  if (typeof title !== 'string' || title.trim() === '')
    throw invalid(line, `${field}.title`, 'must be a non-empty string');
  const duration = value['duration_ms'];
  if (
    duration !== undefined &&
    duration !== null &&
    (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)
  ) {
    throw invalid(line, `${field}.duration_ms`, 'must be a non-negative number of milliseconds or null');
  }
  const isrc = optionalString(value, 'isrc', field, line);
  if (isrc !== null && Isrc.tryParse(isrc) === null) {
    throw invalid(line, `${field}.isrc`, `is not an ISRC ("${isrc}"; expected e.g. USRC17607839)`);
  }
  const mbid = optionalString(value, 'mbid', field, line);
  if (mbid !== null && Mbid.tryParse(mbid) === null) {
    throw invalid(line, `${field}.mbid`, `is not a MusicBrainz id ("${mbid}")`);
  }
  return {
    artists,
    title,
    album: optionalString(value, 'album', field, line),
    durationMs: typeof duration === 'number' ? duration : null,
    isrc,
    spotifyId: optionalString(value, 'spotify_id', field, line),
    mbid,
  };
}

/** Parses one input line (1-based `lineNumber` for messages); null for a blank line. Extra keys are ignored. */
export function parseCompareLine(line: string, lineNumber: number): ComparePair | null {
  if (line.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new InvalidInputError(
      'COMPARE.INVALID_JSON',
      `Line ${lineNumber} is not valid JSON (${(error as Error).message}); ${LINE_SHAPE}`,
      { cause: error, details: { line: lineNumber } },
    );
  }
  if (!isRecord(parsed)) throw invalid(lineNumber, '(line)', 'must be a JSON object');
  const id = parsed['id'];
  if (!(typeof id === 'string' && id.trim() !== '') && !(typeof id === 'number' && Number.isFinite(id))) {
    throw invalid(lineNumber, 'id', 'must be a non-empty string or a number');
  }
  return {
    id: String(id),
    a: parseTrack(parsed['a'], 'a', lineNumber),
    b: parseTrack(parsed['b'], 'b', lineNumber),
  };
}

export function toCompareOutput(id: string, score: MatchScore): CompareOutput {
  return {
    id,
    confidence: score.confidence,
    same: score.decision === 'accept',
    method: score.method,
    evidence: score.evidence,
  };
}

export function comparePair(pair: ComparePair): CompareOutput {
  return toCompareOutput(pair.id, scoreMatch(pair.a, pair.b));
}
