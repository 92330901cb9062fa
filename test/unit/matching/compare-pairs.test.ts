import { describe, expect, it } from '@jest/globals';
import { comparePair, parseCompareLine } from '../../../src/domain/matching/compare-pairs.js';
import { InvalidInputError } from '../../../src/domain/shared/errors.js';

const line = (value: unknown) => JSON.stringify(value);
const track = { artist: 'Queen', title: 'Bohemian Rhapsody' };

function failure(text: string, lineNumber = 7): InvalidInputError {
  try {
    parseCompareLine(text, lineNumber);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected the line to be refused');
}

describe('parseCompareLine', () => {
  it('reads a full pair in the documented format', () => {
    const pair = parseCompareLine(
      line({
        id: 'p1',
        a: {
          artist: 'Queen',
          title: 'Bohemian Rhapsody',
          album: 'A Night at the Opera',
          duration_ms: 354_000,
          isrc: 'GBUM71029604',
        },
        b: { artists: ['Queen'], title: 'Bohemian Rhapsody', spotify_id: '4u7EnebtmKWzUH433cf5Qv' },
      }),
      1,
    );
    expect(pair).toEqual({
      id: 'p1',
      a: {
        artists: ['Queen'],
        title: 'Bohemian Rhapsody',
        album: 'A Night at the Opera',
        durationMs: 354_000,
        isrc: 'GBUM71029604',
        spotifyId: null,
        mbid: null,
      },
      b: {
        artists: ['Queen'],
        title: 'Bohemian Rhapsody',
        album: null,
        durationMs: null,
        isrc: null,
        spotifyId: '4u7EnebtmKWzUH433cf5Qv',
        mbid: null,
      },
    });
  });

  it('returns null for a blank line and ignores keys it does not know', () => {
    expect(parseCompareLine('   ', 3)).toBeNull();
    expect(parseCompareLine(line({ id: 9, a: track, b: track, same: true, why: 'x' }), 1)?.id).toBe('9');
  });

  it('names the line when it is not JSON', () => {
    const error = failure('{"id": "p1", "a": ', 12);
    expect(error.code).toBe('COMPARE.INVALID_JSON');
    expect(error.message).toMatch(/^Line 12 is not valid JSON/);
    expect(error.details).toEqual({ line: 12 });
  });

  it.each([
    [{ a: track, b: track }, 'id'],
    [{ id: 'x', b: track }, 'a'],
    [{ id: 'x', a: track, b: { artist: 'Queen' } }, 'b.title'],
    [{ id: 'x', a: { title: 'Song' }, b: track }, 'a.artist'],
    [{ id: 'x', a: { artists: [], title: 'Song' }, b: track }, 'a.artists'],
    [{ id: 'x', a: { artists: ['Queen', 3], title: 'Song' }, b: track }, 'a.artists[1]'],
    [{ id: 'x', a: track, b: { ...track, duration_ms: '3:00' } }, 'b.duration_ms'],
    [{ id: 'x', a: track, b: { ...track, isrc: 'not-an-isrc' } }, 'b.isrc'],
    [{ id: 'x', a: { ...track, mbid: 'nope' }, b: track }, 'a.mbid'],
    [{ id: 'x', a: { ...track, album: 5 }, b: track }, 'a.album'],
  ])('names the line and field of %j', (value, field) => {
    const error = failure(line(value));
    expect(error.code).toBe('COMPARE.INVALID_FIELD');
    expect(error.message).toContain(`Line 7: "${field}"`);
    expect(error.details).toEqual({ line: 7, field });
  });

  it('refuses a line that is not an object', () => {
    expect(failure('[1, 2]').details).toEqual({ line: 7, field: '(line)' });
  });
});

describe('comparePair', () => {
  it('outputs the id, confidence, method, evidence and the auto-accept decision as same', () => {
    const pair = parseCompareLine(
      line({ id: 'p1', a: track, b: { ...track, title: 'Bohemian Rhapsody - Remastered 2011' } }),
      1,
    )!;
    const output = comparePair(pair);
    expect(output).toMatchObject({ id: 'p1', confidence: 100, same: true, method: 'artist_title' });
    expect(output.evidence.factors.map((factor) => factor.name)).toEqual(['artist', 'title', 'version']);
  });

  it('reports same: false for a pair that is only worth a review', () => {
    const pair = parseCompareLine(
      line({
        id: 'p2',
        a: { artist: 'BTS', title: 'Dynamite' },
        b: { artist: '방탄소년단', title: 'Dynamite' },
      }),
      1,
    )!;
    expect(comparePair(pair)).toMatchObject({ same: false, method: 'fuzzy' });
  });
});
