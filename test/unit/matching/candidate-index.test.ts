import { describe, expect, it } from '@jest/globals';
import { CandidateIndex } from '../../../src/domain/matching/candidate-index.js';
import { prepareMatchInput, type MatchInput } from '../../../src/domain/matching/match-input.js';
import { bestMatch, rankMatches } from '../../../src/domain/matching/resolve-match.js';

interface LibraryTrack {
  readonly id: number;
  readonly input: MatchInput;
}

const LIBRARY: readonly LibraryTrack[] = [
  { id: 1, input: { artists: ['Queen'], title: 'Bohemian Rhapsody', durationMs: 354_000 } },
  { id: 2, input: { artists: ['Queen'], title: 'Bohemian Rhapsody - Live Aid', durationMs: 148_000 } },
  { id: 3, input: { artists: ['Queen'], title: "Don't Stop Me Now", durationMs: 209_000 } },
  { id: 4, input: { artists: ['Leonard Cohen'], title: 'Hallelujah', durationMs: 279_000 } },
  { id: 5, input: { artists: ['Jeff Buckley'], title: 'Hallelujah', durationMs: 413_000 } },
  { id: 6, input: { artists: ['YOASOBI'], title: '夜に駆ける', durationMs: 261_000 } },
  { id: 7, input: { artists: ['周杰倫'], title: '晴天', durationMs: 269_000 } },
  { id: 8, input: { artists: ['Adele'], title: 'Hello', durationMs: 295_000, isrc: 'GBBKS1500214' } },
];

const index = CandidateIndex.build(LIBRARY, (track) => prepareMatchInput(track.input));
const ids = (query: MatchInput, k = 10) =>
  index.candidates(prepareMatchInput(query), k).map((c) => c.item.id);

describe('CandidateIndex', () => {
  it('finds tracks through shared artist and title words', () => {
    expect(ids({ artists: ['QUEEN'], title: 'bohemian rhapsody (2011 remaster)' })).toEqual(
      expect.arrayContaining([1, 2]),
    );
  });

  it('ranks the track sharing artist and title words above one sharing only the title', () => {
    expect(ids({ artists: ['Jeff Buckley'], title: 'Hallelujah' })[0]).toBe(5);
  });

  it('returns nothing for a query that shares no word with the library', () => {
    expect(ids({ artists: ['Nobody Known'], title: 'Unheard Song' })).toEqual([]);
  });

  it('returns at most k candidates', () => {
    expect(ids({ artists: ['Queen'], title: 'Bohemian Rhapsody' }, 1)).toHaveLength(1);
  });

  it('puts a track with the same ISRC first even when no word is shared', () => {
    expect(ids({ artists: ['아델'], title: '안녕', isrc: 'GBBKS1500214' })[0]).toBe(8);
  });

  it('reaches titles in scripts written without spaces through character pairs', () => {
    expect(ids({ artists: ['周杰伦'], title: '晴天' })).toContain(7);
    expect(ids({ artists: ['Unknown'], title: '夜に駆ける' })).toContain(6);
  });

  describe('finds a track written in another script through its Latin reading, both ways', () => {
    const twins: ReadonlyArray<readonly [string, MatchInput, MatchInput]> = [
      [
        'Cyrillic',
        { artists: ['Kino'], title: 'Gruppa krovi' },
        { artists: ['Кино'], title: 'Группа крови' },
      ],
      ['Chinese', { artists: ['Zhou Jielun'], title: 'Qing Tian' }, { artists: ['周杰伦'], title: '晴天' }],
    ];
    // Each twin shares no written word with the other; the other tracks are there to be left out.
    const others = LIBRARY.filter((track) => track.id !== 7);
    const found = (library: MatchInput, query: MatchInput) => {
      const twinIndex = CandidateIndex.build([...others, { id: 99, input: library }], (track) =>
        prepareMatchInput(track.input),
      );
      return twinIndex.candidates(prepareMatchInput(query), 10).map((c) => c.item.id);
    };

    it.each(twins)('%s: a native-script query finds the Latin track', (_, latin, native) => {
      expect(found(latin, native)).toEqual([99]);
    });

    it.each(twins)('%s: a Latin query finds the native-script track', (_, latin, native) => {
      expect(found(native, latin)).toEqual([99]);
    });
  });

  it('meets a Chinese name written as one romanised word or as separate syllables', () => {
    const native = CandidateIndex.build([{ id: 1, input: { artists: ['周杰伦'], title: '稻香' } }], (track) =>
      prepareMatchInput(track.input),
    );
    const query = (artist: string) =>
      native
        .candidates(prepareMatchInput({ artists: [artist], title: 'Unrelated' }), 10)
        .map((c) => c.item.id);
    expect(query('Zhoujielun')).toEqual([1]);
    expect(query('Zhou Jie Lun')).toEqual([1]);
  });

  it('drops a track sharing one word when another shares the artist and the whole title', () => {
    const small = CandidateIndex.build(
      [
        { id: 1, input: { artists: ['Radiohead'], title: 'Paranoid Android' } },
        { id: 2, input: { artists: ['Someone Else'], title: 'Android Dreams' } },
      ],
      (track) => prepareMatchInput(track.input),
    );
    const found = small.candidates(
      prepareMatchInput({ artists: ['Radiohead'], title: 'Paranoid Android' }),
      10,
    );
    expect(found.map((c) => c.item.id)).toEqual([1]);
  });

  it('skips words common to much of the index when a rarer word is shared', () => {
    const common = Array.from({ length: 600 }, (_, n) => ({
      id: 100 + n,
      input: { artists: [`Band ${n} Love`], title: `Love ${n}` },
    }));
    const big = CandidateIndex.build([...common, ...LIBRARY], (track) => prepareMatchInput(track.input));
    const found = big.candidates(prepareMatchInput({ artists: ['Adele'], title: 'Hello Love' }), 5);
    expect(found.map((c) => c.item.id)).toEqual([8]);
  });
});

describe('rankMatches and bestMatch', () => {
  it('scores candidates and puts the same recording first', () => {
    const query = prepareMatchInput({
      artists: ['Queen'],
      title: 'Bohemian Rhapsody - Remastered',
      durationMs: 355_000,
    });
    const ranked = rankMatches(query, index);
    expect(ranked[0]?.item.id).toBe(1);
    expect(ranked[0]?.score.decision).toBe('accept');
    expect(ranked.find((match) => match.item.id === 2)?.score.decision).toBe('reject');
  });

  it('returns null when no candidate shares anything', () => {
    expect(bestMatch(prepareMatchInput({ artists: ['Nobody'], title: 'Nothing' }), index)).toBeNull();
  });

  it('gives the same answer when asked twice', () => {
    const query = prepareMatchInput({ artists: ['Queen'], title: 'Bohemian Rhapsody' });
    expect(rankMatches(query, index).map((m) => m.item.id)).toEqual(
      rankMatches(query, index).map((m) => m.item.id),
    );
  });
});
