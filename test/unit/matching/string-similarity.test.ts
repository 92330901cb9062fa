import { describe, expect, it } from '@jest/globals';
import { nameForm } from '../../../src/domain/matching/normalize.js';
import {
  formSimilarity,
  jaro,
  jaroWinkler,
  tokenOverlap,
  wordSimilarity,
} from '../../../src/domain/matching/string-similarity.js';

const WORDS = [
  'martha',
  'marhta',
  'dixon',
  'dicksonx',
  'jellyfish',
  'smellyfish',
  'a',
  '',
  'crazy',
  '夜に駆ける',
];

describe('jaroWinkler', () => {
  it('matches the published reference values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('jellyfish', 'smellyfish')).toBeCloseTo(0.896, 3);
  });

  it('is 1 for equal strings, 0 when nothing matches, and symmetric within [0, 1]', () => {
    for (const a of WORDS) {
      expect(jaroWinkler(a, a)).toBe(1);
      for (const b of WORDS) {
        const ab = jaroWinkler(a, b);
        expect(ab).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }
    }
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('abc', '')).toBe(0);
  });

  it('never ranks a shared prefix below plain Jaro', () => {
    for (const a of WORDS)
      for (const b of WORDS) expect(jaroWinkler(a, b)).toBeGreaterThanOrEqual(jaro(a, b));
  });
});

describe('wordSimilarity', () => {
  it('lets a misspelt word count as the word', () => {
    expect(wordSimilarity('skynyrd', 'skynard')).toBeGreaterThan(0.88);
  });

  it('requires numbers and short words to be equal', () => {
    expect(wordSimilarity('ii', 'iii')).toBe(0);
    expect(wordSimilarity('1975', '1976')).toBe(0);
    expect(wordSimilarity('pt', 'pts')).toBe(0);
  });

  it('is 0 below the threshold rather than a partial credit', () => {
    expect(wordSimilarity('prayer', 'virgin')).toBe(0);
  });
});

describe('tokenOverlap', () => {
  it('ignores word order', () => {
    expect(tokenOverlap(['hall', 'oates'], ['oates', 'hall'])).toEqual({ dice: 1, containment: 1 });
  });

  it('reports containment of the shorter list apart from Dice', () => {
    const overlap = tokenOverlap(['hall', 'oates'], ['daryl', 'hall', 'john', 'oates']);
    expect(overlap.containment).toBe(1);
    expect(overlap.dice).toBeCloseTo(2 / 3, 6);
  });

  it('matches each word once', () => {
    expect(tokenOverlap(['du', 'du'], ['du']).containment).toBe(1);
    expect(tokenOverlap(['du', 'du'], ['du']).dice).toBeCloseTo(2 / 3, 6);
  });
});

describe('formSimilarity', () => {
  const similarity = (a: string, b: string) => formSimilarity(nameForm(a), nameForm(b));

  it('is 1 for names that differ only in punctuation or spacing', () => {
    expect(similarity('AC/DC', 'ACDC')).toBe(1);
    expect(similarity('Guns N’ Roses', 'Guns N Roses')).toBe(1);
  });

  it('scores a stylised spelling high and an unrelated name low', () => {
    expect(similarity('P!nk', 'Pink')).toBeGreaterThan(0.9);
    expect(similarity('Patsy Cline', 'Willie Nelson')).toBeLessThan(0.3);
  });

  it('credits one name contained in another less when it is a single word', () => {
    expect(similarity('Hall & Oates', 'Daryl Hall & John Oates')).toBeCloseTo(0.88, 6);
    expect(similarity('Queen', 'Queen Latifah')).toBeCloseTo(0.75, 6);
  });

  it('does not let a name borrow the prefix bonus of a longer one', () => {
    expect(similarity('Feels', 'Feel So Close')).toBeLessThan(0.5);
  });
});
