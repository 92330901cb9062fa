import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '../../../src/domain/shared/errors.js';
import { anyOfClause } from '../../../src/infrastructure/connectors/musicbrainz/lucene-query.js';
import {
  encodedLength,
  idQueries,
  MAX_ENCODED_QUERY_CHARS,
  MAX_IDS_PER_QUERY,
} from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-batch-search.js';
import { MAX_CLAUSES, parseLucene } from '../../fakes/musicbrainz/fake-lucene.js';

const mbid = (n: number) => `5b11f4ce-a62d-471e-81fc-${n.toString(16).padStart(12, '0')}`;

describe('id queries', () => {
  it('ORs ids in one field clause, unescaped, and refuses anything that is not an id', () => {
    expect(anyOfClause('isrc', ['GBAAA9900303', 'USRC17607839'])).toBe('isrc:(GBAAA9900303 OR USRC17607839)');
    expect(parseLucene(anyOfClause('rid', [mbid(1), mbid(2)]))).toEqual([
      [
        {
          field: 'rid',
          phrase: false,
          options: [mbid(1), mbid(2)].map((value) => expect.objectContaining({ value })),
        },
      ],
    ]);
    expect(() => anyOfClause('rid', ['a OR b'])).toThrow(InvalidInputError);
    expect(() => anyOfClause('isrc', ['-GBAAA'])).toThrow(InvalidInputError);
    expect(() => anyOfClause('isrc', [])).toThrow(InvalidInputError);
  });

  it('cuts many ids into queries of at most 100, within the URL budget and the clause limit, each id once', () => {
    const ids = Array.from({ length: 250 }, (_, n) => mbid(n));
    const queries = idQueries('rid', [...ids, ...ids.slice(0, 10)]);
    expect(queries.map((q) => q.split(' OR ').length)).toEqual([100, 100, 50]);
    expect(queries.every((q) => encodedLength(q) <= MAX_ENCODED_QUERY_CHARS)).toBe(true);
    expect(MAX_IDS_PER_QUERY).toBeLessThan(MAX_CLAUSES);
    expect(queries.flatMap((q) => parseLucene(q)[0]![0]!.options.map((o) => o.value))).toEqual(ids);
  });

  it('cuts sooner when long ids would overrun the URL budget', () => {
    const long = Array.from({ length: 100 }, (_, n) => `${'A'.repeat(90)}${n}`);
    const queries = idQueries('isrc', long);
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.every((q) => encodedLength(q) <= MAX_ENCODED_QUERY_CHARS)).toBe(true);
    expect(idQueries('isrc', [])).toEqual([]);
  });
});
