// Many ids per MusicBrainz request: `isrc:(A OR B …)`, `rid:(…)` or `rgid:(…)` on the search API, cut
// into queries the service accepts. One id per look-up would cost a second per track.
import { anyOfClause, type IdSearchField } from './lucene-query.js';

/**
 * Ids per query. musicbrainz.org answers "414 Request-URI Too Large" to a search OR-ing about 500
 * recording MBIDs and serves one of 100 (jesus2099/konami-command#174, 2021): the front end's URL
 * limit (nginx's default 8 KB request line) binds long before the search server's Lucene
 * maxBooleanClauses (1,024 clauses). 100 is also the largest page, so a batch of ids that each name
 * one entity comes back in one page.
 */
export const MAX_IDS_PER_QUERY = 100;
/** The URL-encoded `query` parameter, leaving room in that 8 KB for the rest of the request line. */
export const MAX_ENCODED_QUERY_CHARS = 6_000;
/** `limit` may be 1–100 on every search. */
export const PAGE_LIMIT = 100;

/** The distinct ids as as few `field:(A OR B …)` queries as the limits above allow, in order. */
export function idQueries(field: IdSearchField, values: readonly string[]): string[] {
  const queries: string[] = [];
  let chunk: string[] = [];
  for (const value of new Set(values)) {
    const grown = [...chunk, value];
    const tooBig =
      grown.length > MAX_IDS_PER_QUERY || encodedLength(anyOfClause(field, grown)) > MAX_ENCODED_QUERY_CHARS;
    if (chunk.length > 0 && tooBig) {
      queries.push(anyOfClause(field, chunk));
      chunk = [value];
    } else chunk = grown;
  }
  if (chunk.length > 0) queries.push(anyOfClause(field, chunk));
  return queries;
}

/** Length of the query as it travels in the URL (`query=` plus the encoded text). */
export function encodedLength(query: string): number {
  return new URLSearchParams({ query }).toString().length;
}
