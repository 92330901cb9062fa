// Builds MusicBrainz search queries (Lucene syntax) from plain text, so a title like
// "Help! (Remastered)" or "AC/DC" searches for those words instead of breaking the query.
import { InvalidInputError } from '../../../domain/shared/errors.js';

// Lucene's special characters; `&&` and `||` are covered by escaping each `&` and `|`.
const SPECIAL_CHARACTERS = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Backslash-escapes every Lucene special character. */
export function escapeLucene(value: string): string {
  return value.replace(SPECIAL_CHARACTERS, '\\$&');
}

export type RecordingSearchField = 'recording' | 'artist' | 'isrc' | 'release';

/**
 * `field:(terms)` with the terms escaped and whitespace collapsed. Upper-case AND/OR/NOT inside a
 * value are words of a title, not operators, so they are lower-cased (Lucene only obeys upper case).
 */
export function fieldClause(field: RecordingSearchField, value: string): string {
  const terms = escapeLucene(value.trim().replace(/\s+/g, ' ')).replace(/\b(AND|OR|NOT)\b/g, (word) =>
    word.toLowerCase(),
  );
  return `${field}:(${terms})`;
}

export interface RecordingQueryFields {
  readonly title?: string;
  readonly artist?: string;
  readonly isrc?: string;
  readonly release?: string;
}

/** All given fields must match: `recording:(…) AND artist:(…)`. Empty fields are left out. */
export function recordingQuery(fields: RecordingQueryFields): string {
  const clauses = (
    [
      ['recording', fields.title],
      ['artist', fields.artist],
      ['isrc', fields.isrc],
      ['release', fields.release],
    ] as const
  )
    .filter((entry): entry is readonly [RecordingSearchField, string] => (entry[1] ?? '').trim() !== '')
    .map(([field, value]) => fieldClause(field, value));
  if (clauses.length === 0) {
    throw new InvalidInputError(
      'MUSICBRAINZ.EMPTY_SEARCH',
      'A MusicBrainz recording search needs a title, artist, ISRC or release to search for',
    );
  }
  return clauses.join(' AND ');
}

export type IdSearchField = 'isrc' | 'rid' | 'rgid';

/** An ISRC or MBID: letters, digits and inner hyphens, which Lucene reads as one literal term. */
const ID_VALUE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/**
 * `isrc:(A OR B …)`: any of the ids. Ids go unescaped (a hyphen inside a term is literal in Lucene,
 * and escaping every MBID hyphen would cost a tenth of the URL budget); anything else is refused.
 */
export function anyOfClause(field: IdSearchField, values: readonly string[]): string {
  const bad = values.find((value) => !ID_VALUE.test(value));
  if (values.length === 0 || bad !== undefined) {
    throw new InvalidInputError(
      'MUSICBRAINZ.BAD_ID_SEARCH',
      `A MusicBrainz ${field} search needs ids of letters, digits and hyphens${bad === undefined ? '' : `, not "${bad}"`}`,
    );
  }
  return `${field}:(${values.join(' OR ')})`;
}
