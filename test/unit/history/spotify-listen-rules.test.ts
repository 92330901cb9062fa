import { describe, expect, it } from '@jest/globals';
import { judgeSpotifyRow, type SpotifyStreamRow } from '../../../src/domain/history/spotify-listen-rules.js';
import { lastfmTrackKey } from '../../../src/domain/track/connector-track.js';

const END = Date.UTC(2025, 3, 28, 21, 4, 35);

function row(overrides: Partial<SpotifyStreamRow> = {}): SpotifyStreamRow {
  return {
    format: 'extended',
    endedAt: END,
    msPlayed: 200_000,
    trackName: 'only my railgun',
    artistName: 'fripSide',
    albumName: 'infinite synthesis',
    trackUri: 'spotify:track:3aJ2aJz5xL03hpaqdPS7Ah',
    episode: false,
    audiobook: false,
    ...overrides,
  };
}

describe('judgeSpotifyRow', () => {
  it('starts the listen at the end time minus the time played', () => {
    const verdict = judgeSpotifyRow(row());
    expect(verdict).toEqual({
      kind: 'listen',
      listen: {
        playedAt: END - 200_000,
        msPlayed: 200_000,
        artist: 'fripSide',
        title: 'only my railgun',
        album: 'infinite synthesis',
        trackKey: 'spotify:track:3aJ2aJz5xL03hpaqdPS7Ah',
        trackUri: 'spotify:track:3aJ2aJz5xL03hpaqdPS7Ah',
      },
    });
  });

  it('counts a listen from 30 s played by default, and from any threshold given', () => {
    expect(judgeSpotifyRow(row({ msPlayed: 30_000 })).kind).toBe('listen');
    expect(judgeSpotifyRow(row({ msPlayed: 29_999 }))).toEqual({ kind: 'skip', reason: 'short' });
    expect(judgeSpotifyRow(row({ msPlayed: 10_000 }), 5_000).kind).toBe('listen');
  });

  it('skips podcast episodes and audiobooks whatever their length', () => {
    expect(judgeSpotifyRow(row({ episode: true, trackName: null, msPlayed: 1_000_000 }))).toEqual({
      kind: 'skip',
      reason: 'podcast',
    });
    expect(judgeSpotifyRow(row({ audiobook: true, msPlayed: 1_000 }))).toEqual({
      kind: 'skip',
      reason: 'audiobook',
    });
  });

  it('skips rows that lost their track (null or blank names)', () => {
    expect(judgeSpotifyRow(row({ trackName: null, artistName: null, trackUri: null }))).toEqual({
      kind: 'skip',
      reason: 'no_track',
    });
    expect(judgeSpotifyRow(row({ artistName: '  ' }))).toEqual({ kind: 'skip', reason: 'no_track' });
  });

  it('keys an account-data row, which has no URI, the way Last.fm keys tracks', () => {
    const verdict = judgeSpotifyRow(row({ format: 'account', trackUri: null, albumName: null }));
    expect(verdict.kind === 'listen' && verdict.listen.trackKey).toBe(
      lastfmTrackKey('fripSide', 'only my railgun'),
    );
  });
});
