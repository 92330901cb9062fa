import { describe, expect, it } from '@jest/globals';
import { parseArtistCredit } from '../../../src/domain/matching/artist-credit.js';
import { CandidateIndex } from '../../../src/domain/matching/candidate-index.js';
import { prepareMatchInput, type MatchInput } from '../../../src/domain/matching/match-input.js';
import { foldText, nameForm } from '../../../src/domain/matching/normalize.js';
import { PostingLists } from '../../../src/domain/matching/posting-lists.js';
import { TermDictionary } from '../../../src/domain/matching/term-dictionary.js';

describe('TermDictionary', () => {
  it('gives each word one id and finds every word it was given, across growth', () => {
    const dictionary = new TermDictionary();
    let next = 0;
    const newTerm = () => next++;
    const words = Array.from({ length: 5000 }, (_, n) => `word${n}`);
    const ids = words.map((word) => dictionary.intern(word, newTerm));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((word) => dictionary.find(word))).toEqual(ids);
    expect(words.map((word) => dictionary.intern(word, newTerm))).toEqual(ids);
    expect(dictionary.find('word5000')).toBe(-1);
    expect(dictionary.intern('', newTerm)).toBe(dictionary.find(''));
  });
});

describe('PostingLists', () => {
  it('lists the entries of each term in order and counts a term posted twice for one entry once', () => {
    const lists = new PostingLists();
    const [a, b] = [lists.newTerm(), lists.newTerm()];
    lists.startEntry(0);
    lists.post(a);
    lists.post(a);
    lists.startEntry(1);
    lists.post(b);
    lists.post(a);
    lists.pack();
    const read = (term: number) => Array.from(lists.positions.subarray(lists.start(term), lists.end(term)));
    expect(read(a)).toEqual([0, 1]);
    expect(read(b)).toEqual([1]);
  });
});

describe('CandidateIndex', () => {
  const track = (artist: string, title: string): MatchInput => ({
    artists: [artist],
    title,
  });
  const library = [
    track('Queen', 'Bohemian Rhapsody'),
    track('Queen', "Don't Stop Me Now"),
    track('AC/DC', 'Back in Black'),
    track('Adele', 'Hello'),
  ];

  it('answers the same when tracks are added after a query as when built at once', () => {
    const whole = CandidateIndex.build(library, prepareMatchInput);
    const grown = CandidateIndex.build(library.slice(0, 2), prepareMatchInput);
    grown.candidates(prepareMatchInput(track('Queen', 'Hello')), 10);
    for (const input of library.slice(2)) grown.add(input, prepareMatchInput(input));
    const query = prepareMatchInput(track('ACDC', 'Hello Queen'));
    expect(grown.candidates(query, 10).map((c) => c.item)).toEqual(
      whole.candidates(query, 10).map((c) => c.item),
    );
  });
});

describe('CandidateIndex words', () => {
  const wordsOf = (...inputs: MatchInput[]) => CandidateIndex.build(inputs, prepareMatchInput).words();

  it('holds only the written words of a Latin-only library: no reading is added', () => {
    expect(
      wordsOf({ artists: ['AC/DC'], title: 'Back in Black' }, { artists: ['Beyoncé'], title: 'Halo' }),
    ).toEqual({
      artist: ['ac', 'dc', 'acdc', 'beyonce'],
      title: ['back', 'in', 'black', 'backinblack', 'halo'],
    });
  });

  it('adds the Latin reading of words in another script next to their written form', () => {
    const { artist, title } = wordsOf(
      { artists: ['Кино'], title: 'Группа крови' },
      { artists: ['周杰伦'], title: '晴天' },
    );
    // Character pairs ("~杰伦") are left out here: the written words keep them as before.
    const words = (list: readonly string[]) => list.filter((word) => !word.startsWith('~'));
    expect(words(artist)).toEqual(['кино', 'kino', '周杰伦', 'zhou', 'jie', 'lun', 'zhoujielun']);
    expect(words(title)).toEqual([
      ...['группа', 'крови', 'группакрови', 'gruppa', 'krovi', 'gruppakrovi'],
      ...['晴天', 'qing', 'tian', 'qingtian'],
    ]);
  });
});

describe('normalisation shortcuts', () => {
  it('reads a word named like an Object member ("constructor") as a plain word', () => {
    expect(nameForm('The Constructor').text).toBe('constructor');
  });

  it('folds Latin Extended-A letters like the Unicode normalisation does', () => {
    expect(foldText('Dvořák')).toBe('dvorak');
    expect(foldText('ĲSSEL Œuvre')).toBe('ijssel oeuvre');
    expect(foldText('İstanbul Ŀlívia ſ')).toBe('istanbul l·livia s');
  });

  it('gives one act the same credit however many tracks it has', () => {
    expect(parseArtistCredit(['Simon & Garfunkel'], [])).toBe(parseArtistCredit(['Simon & Garfunkel'], []));
    expect(parseArtistCredit(['A', 'B'], []).names.map((n) => n.text)).toEqual(['a', 'b']);
  });
});
