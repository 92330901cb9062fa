// `narada playlist export` as a user runs it: the built CLI against the fake Spotify, each format to a
// file or to stdout, from a playlist id or from a backup file.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({ spotify: {}, musicbrainz: {} });
const run = (...args: string[]) => runNarada(args, { env: fakes.env, cwd: fakes.home });
let playlistId: string;
let uris: string[];

beforeAll(() => {
  const tracks = fakes.spotify.addTracks(
    aFakeTrack({ name: 'Rock & Roll', artist: 'Crosby, Stills & Nash' }),
    aFakeTrack({ name: 'Ça "va"', artist: 'Zoë' }),
  );
  uris = tracks.map(trackUri);
  playlistId = fakes.spotify.addPlaylist({ name: 'Mix <A>', entries: uris }).id;
});

describe('narada playlist export', () => {
  it('writes an Exportify CSV file from a playlist id', async () => {
    const result = await run(
      'playlist',
      'export',
      playlistId,
      '--format',
      'csv',
      '--out',
      'mix.csv',
      '--json',
    );
    expectSuccess(result);
    const file = join(fakes.home, 'mix.csv');
    expect(result.json<{ file: string; items: number }>()).toMatchObject({ file, items: 2 });
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['Track URI'])).toEqual(uris);
    expect(rows[0]!['Artist Name(s)']).toBe('Crosby\\, Stills & Nash');
  });

  it('prints an M3U8 on stdout', async () => {
    const result = await run('playlist', 'export', `spotify:playlist:${playlistId}`, '--format', 'm3u8');
    expectSuccess(result);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      '#EXTM3U',
      '#PLAYLIST:Mix <A>',
      expect.stringMatching(/^#EXTINF:\d+,Crosby, Stills & Nash - Rock & Roll$/),
      uris[0],
    ]);
  });

  it('writes JSPF and XSPF from a backup file', async () => {
    const backup = await run('playlist', 'backup', playlistId, '--json');
    expectSuccess(backup);
    const file = backup.json<{ written: Array<{ file: string }> }>().written[0]!.file;

    const jspf = await run('playlist', 'export', file, '--format', 'jspf');
    expectSuccess(jspf);
    const document = JSON.parse(jspf.stdout) as {
      playlist: { title: string; track: Array<{ title: string }> };
    };
    expect(document.playlist.title).toBe('Mix <A>');
    expect(document.playlist.track.map((t) => t.title)).toEqual(['Rock & Roll', 'Ça "va"']);

    const xspf = await run('playlist', 'export', file, '--format', 'xspf', '--out', 'mix.xspf');
    expectSuccess(xspf);
    const xml = readFileSync(join(fakes.home, 'mix.xspf'), 'utf8');
    expect(xml).toContain('<title>Mix &lt;A&gt;</title>');
    expect(xml).toContain('<title>Ça &quot;va&quot;</title>');
    expect(xml).toContain('<creator>Crosby, Stills &amp; Nash</creator>');
  });

  it('restores an exported CSV and JSPF as new playlists with the same tracks', async () => {
    const csv = await run('playlist', 'restore', 'mix.csv', '--json');
    expectSuccess(csv);
    const fromCsv = csv.json<{ playlistId: string; restored: number }>();
    expect(fromCsv.restored).toBe(2);
    expect(fakes.spotify.playlistUris(fromCsv.playlistId)).toEqual(uris);

    expectSuccess(await run('playlist', 'export', playlistId, '--format', 'jspf', '--out', 'mix.jspf'));
    const jspf = await run('playlist', 'restore', 'mix.jspf', '--json');
    expectSuccess(jspf);
    const fromJspf = jspf.json<{ playlistId: string }>();
    expect(fromJspf.playlistId).not.toBe(fromCsv.playlistId);
    expect(fakes.spotify.playlistUris(fromJspf.playlistId)).toEqual(uris);
  });

  it('refuses a damaged Exportify CSV with exit 2, naming the file and line, and writes nothing', async () => {
    const file = join(fakes.home, 'damaged.csv');
    writeFileSync(file, `"Track URI","Track Name"\n"${uris[0]}","A"\n"not-a-uri","B"\n`);
    const writes = fakes.spotify.writeCalls().length;
    const result = await run('playlist', 'restore', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file} line 3: "Track URI" is "not-a-uri"`);
    expect(fakes.spotify.writeCalls().length).toBe(writes);
  });

  it('refuses an unknown format with exit 2', async () => {
    const result = await run('playlist', 'export', playlistId, '--format', 'wpl');
    expect(result.code).toBe(2);
  });
});
