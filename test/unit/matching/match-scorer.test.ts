import { describe, expect, it } from '@jest/globals';
import type { MatchInput } from '../../../src/domain/matching/match-input.js';
import { scoreMatch } from '../../../src/domain/matching/match-scorer.js';
import { decide, THRESHOLDS } from '../../../src/domain/matching/thresholds.js';

function aTrack(overrides: Partial<MatchInput> = {}): MatchInput {
  return {
    artists: ['Queen'],
    title: 'Bohemian Rhapsody',
    album: 'A Night at the Opera',
    durationMs: 354_000,
    ...overrides,
  };
}

const factor = (score: ReturnType<typeof scoreMatch>, name: string) =>
  score.evidence.factors.find((item) => item.name === name);

describe('scoreMatch', () => {
  it('accepts a remastered release of the same recording by artist and title', () => {
    const score = scoreMatch(
      aTrack(),
      aTrack({ title: 'Bohemian Rhapsody - Remastered 2011', durationMs: 355_000 }),
    );
    expect(score).toMatchObject({ confidence: 100, method: 'artist_title', decision: 'accept' });
    expect(factor(score, 'version')).toMatchObject({ score: 1, penalty: 0 });
  });

  it('rejects a live version and says why in the evidence', () => {
    const score = scoreMatch(
      aTrack(),
      aTrack({ title: 'Bohemian Rhapsody - Live Aid', durationMs: 148_000 }),
    );
    expect(score.decision).toBe('reject');
    expect(factor(score, 'version')).toMatchObject({ score: 0, penalty: 45 });
    expect(score.evidence.notes).toContain("version none vs 'live'");
  });

  it('rejects a cover by another artist', () => {
    const score = scoreMatch(
      aTrack({ artists: ['Leonard Cohen'], title: 'Hallelujah', durationMs: 279_000 }),
      aTrack({ artists: ['Jeff Buckley'], title: 'Hallelujah', durationMs: 413_000 }),
    );
    expect(score.decision).toBe('reject');
    expect(factor(score, 'artist')?.score).toBeLessThan(0.3);
    expect(factor(score, 'title')?.score).toBe(1);
  });

  it('accepts a featured artist moved from the title into the artist list', () => {
    const score = scoreMatch(
      aTrack({ artists: ['Mark Ronson'], title: 'Uptown Funk (feat. Bruno Mars)', durationMs: 270_000 }),
      aTrack({
        artists: ['Mark Ronson', 'Bruno Mars'],
        title: 'Uptown Funk',
        album: null,
        durationMs: 269_000,
      }),
    );
    expect(score.decision).toBe('accept');
    expect(score.method).toBe('artist_title');
  });

  it('keeps a pair 12 s apart out of auto-accept', () => {
    const score = scoreMatch(aTrack(), aTrack({ durationMs: 366_000 }));
    expect(score.decision).toBe('review');
    expect(factor(score, 'duration')?.penalty).toBeGreaterThan(15);
  });

  it('leaves factors it cannot compare out of the evidence', () => {
    const score = scoreMatch(aTrack({ album: null, durationMs: null }), aTrack());
    expect(score.evidence.factors.map((item) => item.name)).toEqual(['artist', 'title', 'version']);
    expect(score.decision).toBe('accept');
  });

  it('tells sequels and parts apart', () => {
    const unforgiven = scoreMatch(
      aTrack({ artists: ['Metallica'], title: 'The Unforgiven', durationMs: null }),
      aTrack({ artists: ['Metallica'], title: 'The Unforgiven II', durationMs: null }),
    );
    expect(unforgiven.decision).toBe('reject');
    expect(unforgiven.evidence.notes).toContain("title numbers differ: 'none' vs '2'");
  });

  it('sends names in another script to review instead of rejecting them', () => {
    const score = scoreMatch(
      aTrack({ artists: ['BTS'], title: 'Dynamite' }),
      aTrack({ artists: ['방탄소년단'], title: 'Dynamite' }),
    );
    expect(score.decision).toBe('review');
    expect(score.evidence.notes).toContain('artist names in different scripts: not compared');
  });

  it('does not strip non-Latin titles to nothing', () => {
    const score = scoreMatch(
      aTrack({ artists: ['YOASOBI'], title: '夜に駆ける', album: null }),
      aTrack({ artists: ['YOASOBI'], title: '群青', album: null }),
    );
    expect(score.decision).toBe('reject');
  });

  describe('deterministic keys', () => {
    it('accepts a shared ISRC even when the names are translated', () => {
      const score = scoreMatch(
        aTrack({ artists: ['방탄소년단'], title: '봄날', isrc: 'KRA381700223' }),
        aTrack({ artists: ['BTS'], title: 'Spring Day', isrc: 'kr-a38-17-00223' }),
      );
      expect(score).toMatchObject({ method: 'isrc', confidence: 98, decision: 'accept' });
    });

    it('sends a shared ISRC with a conflicting version tag to review', () => {
      const score = scoreMatch(
        aTrack({ isrc: 'GBUM71029604' }),
        aTrack({ title: 'Bohemian Rhapsody (Live)', isrc: 'GBUM71029604' }),
      );
      expect(score.method).toBe('isrc');
      expect(score.decision).toBe('review');
      expect(score.confidence).toBe(THRESHOLDS.review);
    });

    it('does not treat different ISRCs as proof of different recordings', () => {
      const score = scoreMatch(
        aTrack({ title: 'Bohemian Rhapsody - Remastered 2011', isrc: 'GBUM71029604' }),
        aTrack({ isrc: 'GBEMI7500002' }),
      );
      expect(score.decision).toBe('accept');
      expect(factor(score, 'isrc')).toMatchObject({ score: 0, penalty: 3 });
    });

    it('prefers a shared Spotify id over every other key', () => {
      const id = '4u7EnebtmKWzUH433cf5Qv';
      const score = scoreMatch(
        aTrack({ spotifyId: id, isrc: 'GBUM71029604' }),
        aTrack({ spotifyId: id, isrc: 'GBUM71029604' }),
      );
      expect(score).toMatchObject({ method: 'spotify_id', confidence: 100 });
    });

    it('accepts a shared recording MBID', () => {
      const mbid = 'b1a9c0e9-d987-4042-ae91-78d6a3267d69';
      const score = scoreMatch(
        aTrack({ mbid, artists: ['Queen & David Bowie'], title: 'Under Pressure' }),
        aTrack({ mbid, title: 'Under Pressure' }),
      );
      expect(score).toMatchObject({ method: 'mbid', confidence: 98, decision: 'accept' });
    });
  });

  it('is deterministic and symmetric', () => {
    const a = aTrack({ artists: ['Simon & Garfunkel'], title: 'Mrs. Robinson', durationMs: 244_000 });
    const b = aTrack({
      artists: ['Simon and Garfunkel'],
      title: 'Mrs Robinson - Remastered',
      album: 'Bookends',
    });
    expect(scoreMatch(a, b)).toEqual(scoreMatch(a, b));
    expect(scoreMatch(b, a).confidence).toBe(scoreMatch(a, b).confidence);
  });

  it('returns an integer confidence within 0–100 and the decision its thresholds give', () => {
    const pairs: Array<[MatchInput, MatchInput]> = [
      [aTrack(), aTrack({ artists: ['Seal'], title: 'Crazy', durationMs: 10_000 })],
      [aTrack(), aTrack()],
      [aTrack(), aTrack({ durationMs: 340_000 })],
    ];
    for (const [a, b] of pairs) {
      const score = scoreMatch(a, b);
      expect(Number.isInteger(score.confidence)).toBe(true);
      expect(score.confidence).toBeGreaterThanOrEqual(0);
      expect(score.confidence).toBeLessThanOrEqual(100);
      expect(score.decision).toBe(decide(score.confidence));
    }
  });
});

describe('decide', () => {
  it('accepts at the accept threshold, reviews below it and rejects below review', () => {
    expect(decide(THRESHOLDS.accept)).toBe('accept');
    expect(decide(THRESHOLDS.accept - 1)).toBe('review');
    expect(decide(THRESHOLDS.review)).toBe('review');
    expect(decide(THRESHOLDS.review - 1)).toBe('reject');
  });
});
