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

  describe('refuses values no listen can have, saying which field and why', () => {
    const extended = (ts: unknown, msPlayed: unknown) => readSpotifyRow({ ts, ms_played: msPlayed });
    const account = (endTime: unknown, msPlayed: unknown) => readSpotifyRow({ endTime, msPlayed });
    const TS = '2025-01-01T00:00:00Z';

    it.each([
      [1e300, '"ms_played" is 1e+300 ms, more than a day (86400000 ms): no stream lasts that long'],
      [86_400_001, '"ms_played" is 86400001 ms, more than a day (86400000 ms): no stream lasts that long'],
      [-1, '"ms_played" is not a number of milliseconds: -1'],
      ['NaN', '"ms_played" is not a number of milliseconds: "NaN"'],
      ['Infinity', '"ms_played" is not a number of milliseconds: "Infinity"'],
      ['12', '"ms_played" is not a number of milliseconds: "12"'],
      [null, '"ms_played" is not a number of milliseconds: null'],
    ])('ms_played %p', (msPlayed, reason) => {
      expect(extended(TS, msPlayed)).toEqual({ ok: false, reason });
    });

    it.each([
      ['0001-01-01T00:00:00Z', '"ts" is 0001-01-01T00:00:00.000Z, outside the years 2006 to 2099'],
      ['2100-01-01T00:00:00Z', '"ts" is 2100-01-01T00:00:00.000Z, outside the years 2006 to 2099'],
      ['+275760-09-13T00:00:00Z', '"ts" is not a date-time'],
      ['2021-02-30T00:00:00Z', '"ts" is not a date-time'],
      ['1', '"ts" is not a date-time'],
      ['2025-01-01', '"ts" is not a date-time'],
      [1_735_689_600, '"ts" is not a date-time'],
    ])('ts %p', (ts, reason) => {
      expect(extended(ts, 1000)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
    });

    it('checks the account data the same way', () => {
      expect(account('2025-01-01 10:00', 1e300)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('"msPlayed" is 1e+300 ms, more than a day'),
      });
      expect(account('1970-01-01 00:00', 1000)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('"endTime" is 1970-01-01T00:00:00.000Z, outside the years'),
      });
      expect(account('2025-02-29 10:00', 1000)).toMatchObject({ ok: false });
    });

    it('accepts the edges: a day played, the first instant of 2006, a time with an offset', () => {
      expect(extended(TS, 86_400_000).ok).toBe(true);
      expect(extended('2006-01-01T00:00:00Z', 0).ok).toBe(true);
      expect(extended('2025-01-01T01:00:00.123+01:00', 1)).toMatchObject({
        ok: true,
        row: { endedAt: Date.parse(TS) + 123 },
      });
    });
  });
});
