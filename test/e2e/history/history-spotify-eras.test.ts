// `narada history import spotify` and `narada stats eras` as a user runs them: the built CLI with
// export files made here, the fake Last.fm and the fake MusicBrainz.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import {
  aNullRow,
  anExtendedRow,
  exportText,
  spotifyTrackUri,
} from '../../fixtures/history/spotify-export-rows.js';
import { buildZip } from '../../fixtures/history/zip-writer.js';
import { runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const seconds = (iso: string) => Date.parse(iso) / 1000;
const RECKONER = spotifyTrackUri(1);

/** The same 2025 listen of Reckoner is in the export (E1) and on Last.fm (S4): it counts once. */
const EXPORT_ROWS = [
  anExtendedRow({
    ts: '2025-05-01T10:04:50Z',
    msPlayed: 290_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: RECKONER,
  }),
  anExtendedRow({
    ts: '2025-06-01T10:04:50Z',
    msPlayed: 290_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: RECKONER,
  }),
  anExtendedRow({
    ts: '2025-06-02T10:00:10Z',
    msPlayed: 10_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: RECKONER,
  }),
  anExtendedRow({
    ts: '2025-06-03T11:00:00Z',
    msPlayed: 2_400_000,
    episode: { name: 'Ep', show: 'Show', uri: 'spotify:episode:1' },
  }),
  aNullRow('2025-06-04T11:00:00Z', 180_000),
  anExtendedRow({
    ts: '2025-07-01T10:05:20Z',
    msPlayed: 320_000,
    track: 'One More Time',
    artist: 'Daft Punk',
    uri: spotifyTrackUri(2),
  }),
];

const fakes = useFakeServices({
  lastfm: { user: 'dee' },
  musicbrainz: {},
  homePrefix: 'narada-e2e-spotify-',
});

beforeAll(() => {
  const { catalog } = fakes.musicbrainz;
  // Time: a 2011 remaster in the 1973 album's release group. One More Time: a 2000 single before the 2001 album.
  const dsotm = catalog.addRelease({
    title: 'The Dark Side of the Moon',
    date: '1973-03-24',
    artists: ['Pink Floyd'],
  });
  const time = catalog.addRecording({
    title: 'Time',
    artists: ['Pink Floyd'],
    releases: [
      {
        title: 'The Dark Side of the Moon (Remastered)',
        date: '2011-09-26',
        releaseGroupId: dsotm.releaseGroupId,
      },
    ],
  });
  const omt = catalog.addRecording({
    title: 'One More Time',
    artists: ['Daft Punk'],
    releases: [
      { title: 'Discovery', date: '2001-03-12' },
      { title: 'One More Time', date: '2000-11-13', type: 'Single' },
    ],
  });
  fakes.lastfm.addScrobbles('dee', [
    aFakeScrobble({
      artist: 'Pink Floyd',
      track: 'Time',
      album: null,
      mbid: time.id,
      timestamp: seconds('2024-12-31T23:00:00Z'),
    }),
    aFakeScrobble({
      artist: 'Pink Floyd',
      track: 'Time',
      album: null,
      mbid: time.id,
      timestamp: seconds('2025-03-01T10:00:00Z'),
    }),
    aFakeScrobble({
      artist: 'Pink Floyd',
      track: 'Time',
      album: null,
      mbid: time.id,
      timestamp: seconds('2025-03-02T10:00:00Z'),
    }),
    aFakeScrobble({
      artist: 'Daft Punk',
      track: 'One More Time',
      album: null,
      mbid: omt.id,
      timestamp: seconds('2025-04-01T10:00:00Z'),
    }),
    aFakeScrobble({ artist: 'Radiohead', track: 'Reckoner', timestamp: seconds('2025-05-01T10:00:03Z') }),
  ]);
});

function file(name: string, data: string | Buffer): string {
  const path = join(fakes.home, name);
  writeFileSync(path, data);
  return path;
}

describe('narada history import spotify and narada stats eras', () => {
  it('refuses a corrupt export with exit 2, naming the file and row, and imports nothing from it', async () => {
    const text = exportText(EXPORT_ROWS);
    const path = file(
      'Streaming_History_Audio_2025_9.json',
      `${text.slice(0, text.lastIndexOf('"One More Time"'))}"One More`,
    );

    const result = await runNarada(['history', 'import', 'spotify', path], { env: fakes.env });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`narada: ${path} cannot be read (row 6, byte`);
    expect(result.stderr).toContain('Nothing was imported from it');
    const status = await runNarada(['status', '--json'], { env: fakes.env });
    expect(
      status.json<{ database: { rowCounts: Record<string, number> } }>().database.rowCounts
        .listening_events ?? 0,
    ).toBe(0);
  });

  it('imports a zipped export: short plays, podcasts and rows without a track counted and skipped', async () => {
    const zip = file(
      'my_spotify_data.zip',
      buildZip([
        {
          name: 'Spotify Extended Streaming History/Streaming_History_Audio_2025.json',
          data: exportText(EXPORT_ROWS),
        },
        {
          name: 'Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf',
          data: 'pdf',
          method: 'store',
        },
      ]),
    );

    const result = await runNarada(['history', 'import', 'spotify', zip, '--json'], { env: fakes.env });

    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      user: 'dee',
      rows: 6,
      new: 3,
      alreadyPresent: 0,
      skipped: { short: 1, podcast: 1, audiobook: 0, no_track: 1 },
      files: [
        {
          file: `${zip} › Spotify Extended Streaming History/Streaming_History_Audio_2025.json`,
          status: 'imported',
        },
      ],
    });
    const again = await runNarada(['history', 'import', 'spotify', zip, '--json'], { env: fakes.env });
    expect(again.json()).toMatchObject({ new: 0, alreadyPresent: 3 });
  });

  it('counts a listen in both the export and Last.fm once, keeping both raw events', async () => {
    const imported = await runNarada(['history', 'import', 'lastfm', '--json'], { env: fakes.env });
    expect(imported.json()).toMatchObject({ new: 5, sameAsOtherSource: 1 });

    const status = await runNarada(['status', '--json'], { env: fakes.env });
    expect(
      status.json<{ database: { rowCounts: Record<string, number> } }>().database.rowCounts,
    ).toMatchObject({ listening_events: 8, plays: 8 });
    const top = await runNarada(['stats', 'top', '--year', '2025', '--json'], { env: fakes.env });
    // 2025: Time ×2, One More Time ×2 (Last.fm and Spotify, months apart), Reckoner ×2 (one of them in both sources).
    expect(top.json()).toMatchObject({ totalListens: 6, tracks: expect.any(Array) });
  });

  it('charts 2025 by original release year, offline until asked to look years up', async () => {
    const offline = await runNarada(['stats', 'eras', '--year', '2025', '--json'], { env: fakes.env });
    expect(offline.json()).toMatchObject({
      year: 2025,
      total: 6,
      byYear: {},
      unknown: 6,
      coverage: 0,
      undated: { lookupable: 2 },
    });
    expect(fakes.musicbrainz.requests).toHaveLength(0);

    const svg = join(fakes.home, 'eras.svg');
    const html = join(fakes.home, 'eras.html');
    const resolved = await runNarada(
      ['stats', 'eras', '--year', '2025', '--resolve-years', '--svg', svg, '--html', html, '--json'],
      { env: fakes.env },
    );

    expect(resolved.code).toBe(0);
    // Hand-computed: Time → 1973 (2 listens; its remaster's group began in 1973), Last.fm's One More Time
    // → 2000 (the single), the Spotify listens of Reckoner (2) and One More Time (1) have no year.
    expect(resolved.json()).toMatchObject({
      total: 6,
      byYear: { '1973': 2, '2000': 1 },
      distribution: [
        { year: 1973, count: 2, fallback: 0 },
        { year: 2000, count: 1, fallback: 0 },
      ],
      known: 3,
      unknown: 3,
      coverage: 0.5,
      resolution: { lookedUp: 2, found: 2, stoppedBecause: null },
    });
    expect(readFileSync(svg, 'utf8')).toContain('<title>1973: 2 listens</title>');
    expect(readFileSync(html, 'utf8')).toContain('<tr><td>2000</td><td>1</td>');

    const chart = await runNarada(['stats', 'eras', '--year', '2025'], { env: fakes.env });
    expect(chart.stdout.split('\n').slice(0, 5)).toEqual([
      'Listening in 2025 by original release year: 6 listens, 50% with a known year',
      '',
      `1973  2  ${'█'.repeat(40)}`,
      `2000  1  ${'█'.repeat(20)}`,
      '',
    ]);
  }, 60_000);
});
