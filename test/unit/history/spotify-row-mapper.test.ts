import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSpotifyRow } from '../../../src/infrastructure/importers/spotify-row-mapper.js';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const EXPORTS = wireFixturePath('exports');
const rows = (file: string) => JSON.parse(readFileSync(join(EXPORTS, file), 'utf8')) as unknown[];

describe('readSpotifyRow against real exports', () => {
  it('reads an extended streaming history row', () => {
    const [first] = rows('Streaming_History_Audio_2025.json');
    expect(readSpotifyRow(first)).toEqual({
      ok: true,
      row: {
        format: 'extended',
        endedAt: Date.parse('2025-04-28T21:04:35Z'),
        msPlayed: 1603,
        trackName: 'only my railgun',
        artistName: 'fripSide',
        albumName: 'infinite synthesis',
        trackUri: 'spotify:track:3aJ2aJz5xL03hpaqdPS7Ah',
        episode: false,
        audiobook: false,
      },
    });
  });

  it('reads every row of every captured export', () => {
    const files = [
      'Streaming_History_Audio_2025.json',
      'spotify-account-data-2026/StreamingHistory_music_0.json',
      'spotify-account-data-2026/StreamingHistory_podcast_0.json',
      'spotify-account-data-2020/StreamingHistory0.json',
    ];
    for (const file of files) for (const row of rows(file)) expect(readSpotifyRow(row).ok).toBe(true);
  });

  it('reads an account-data row, its end time to the minute in UTC', () => {
    const [first] = rows('spotify-account-data-2026/StreamingHistory_music_0.json');
    expect(readSpotifyRow(first)).toEqual({
      ok: true,
      row: {
        format: 'account',
        endedAt: Date.UTC(2025, 2, 31, 6, 11),
        msPlayed: 20837,
        trackName: 'Time To Say Goodbye',
        artistName: 'Andrea Bocelli',
        albumName: null,
        trackUri: null,
        episode: false,
        audiobook: false,
      },
    });
  });

  it('marks podcast rows of the account data as episodes', () => {
    const [first] = rows('spotify-account-data-2026/StreamingHistory_podcast_0.json');
    expect(readSpotifyRow(first)).toMatchObject({ ok: true, row: { episode: true, trackName: null } });
  });

  it('refuses rows of neither shape and rows with unreadable times or durations', () => {
    expect(readSpotifyRow({ name: 'x' })).toMatchObject({ ok: false });
    expect(readSpotifyRow({ ts: 'yesterday', ms_played: 1 })).toEqual({
      ok: false,
      reason: '"ts" is not a date-time: "yesterday"',
    });
    expect(readSpotifyRow({ ts: '2025-01-01T00:00:00Z', ms_played: '12' })).toMatchObject({ ok: false });
    expect(readSpotifyRow({ endTime: '2025-01-01', msPlayed: 1 })).toMatchObject({ ok: false });
  });
});
