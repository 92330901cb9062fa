import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '../../../src/domain/shared/errors.js';
import {
  escapeLucene,
  fieldClause,
  recordingQuery,
} from '../../../src/infrastructure/connectors/musicbrainz/lucene-query.js';
import { parseLucene } from '../../fakes/musicbrainz/fake-lucene.js';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /')).toBe(
      '\\+ \\- \\&\\& \\|\\| \\! \\( \\) \\{ \\} \\[ \\] \\^ \\" \\~ \\* \\? \\: \\\\ \\/',
    );
  });

  it('leaves ordinary text, accents and other scripts alone', () => {
    expect(escapeLucene('Beyoncé 残酷な天使のテーゼ')).toBe('Beyoncé 残酷な天使のテーゼ');
  });
});

describe('recordingQuery', () => {
  it('joins the given fields with AND, each value grouped in parentheses', () => {
    expect(recordingQuery({ title: 'Help! (Remastered)', artist: 'AC/DC' })).toBe(
      'recording:(Help\\! \\(Remastered\\)) AND artist:(AC\\/DC)',
    );
    expect(recordingQuery({ isrc: 'USRC17607839', release: '  Greatest   Hits ' })).toBe(
      'isrc:(USRC17607839) AND release:(Greatest Hits)',
    );
  });

  it('keeps AND/OR/NOT in a title as words, not operators', () => {
    expect(fieldClause('recording', 'Rock AND Roll OR Not')).toBe('recording:(Rock and Roll or Not)');
  });

  it('refuses a search with nothing to search for', () => {
    expect(() => recordingQuery({ title: '  ' })).toThrow(InvalidInputError);
  });

  it('survives a Lucene parser: every word comes back in its field', () => {
    const query = recordingQuery({ title: 'What’s "Up"? (feat. X) [Live] -1', artist: 'Sunn O))) & Boris' });
    const [group] = parseLucene(query);
    expect(group?.map((clause) => [clause.field, clause.options.flatMap((o) => o.terms)])).toEqual([
      ['recording', ['what', 's', 'up', 'feat', 'x', 'live', '1']],
      ['artist', ['sunn', 'o', 'boris']],
    ]);
  });
});
