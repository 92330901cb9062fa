// `narada playlist restore` of a Spotify account-data export (Playlist1.json, or the export's zip) as a
// user runs it: the dry run and the real run agree, and a playlist none of whose tracks Spotify has
// is refused before anything is created.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip } from '../../fixtures/history/zip-writer.js';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({ spotify: {}, musicbrainz: {} });

interface RestoreJson {
  playlistId: string;
  action: string;
  restored: number;
  unrestored: Array<{ position: number; reason: string }>;
  counts: { kept: number; added: number; removed: number; moved: number };
}

const narada = (...args: string[]) => runNarada([...args, '--json'], { env: fakes.env, cwd: fakes.home });

describe('narada playlist restore of a Spotify account-data export', () => {
  const exported = (year: 2020 | 2026) =>
    readFileSync(
      new URL(`../../fixtures/exports/spotify-account-data-${year}/Playlist1.json`, import.meta.url),
    );
  const fernando = [
    '0nzCZIbxhUQxBL0qAf74FC',
    '0H33WTImWuFJW2jKpv1Web',
    '4Qw4kAsBwjXsz6k7TXNAqy',
    '0hoBOvGOp07rnhHRJgOxHg',
    '50IQ5XHi2tWuXd864v6n68',
  ];

  it('reports the same counts in a dry run and a real run, and the playlist ends with those items', async () => {
    // Two of the five tracks are no longer on Spotify (and no other track is like them).
    const served = [fernando[0]!, fernando[2]!, fernando[4]!];
    fakes.spotify.addTracks(...served.map((id, i) => aFakeTrack({ id, name: `Fernando ${i}` })));
    const file = join(fakes.home, 'Playlist1-2026.json');
    writeFileSync(file, exported(2026));

    const dry = await narada('playlist', 'restore', file, '--playlist', 'Radio Fernando', '--dry-run');
    const real = await narada('playlist', 'restore', file, '--playlist', 'Radio Fernando');

    expectSuccess(dry);
    expectSuccess(real);
    const plan = (r: RestoreJson) => ({ restored: r.restored, counts: r.counts, unrestored: r.unrestored });
    expect(plan(real.json<RestoreJson>())).toEqual(plan(dry.json<RestoreJson>()));
    expect(dry.json<RestoreJson>()).toMatchObject({ restored: 3, counts: { added: 3 } });
    expect(fakes.spotify.playlistUris(real.json<RestoreJson>().playlistId)).toEqual(
      served.map((id) => `spotify:track:${id}`),
    );
  });

  it('exits 1 and creates no playlist when none of the tracks can be found on Spotify', async () => {
    const file = join(fakes.home, 'Playlist1-2020.json');
    writeFileSync(file, exported(2020));
    const created = fakes.spotify.callsTo('POST /me/playlists').length;
    const writes = fakes.spotify.writeCalls().length;

    for (const dryRun of [['--dry-run'], []]) {
      const restore = await runNarada(['playlist', 'restore', file, '--playlist', 'Chill', ...dryRun], {
        env: fakes.env,
        cwd: fakes.home,
      });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('none of the 5 items of "Chill" could be found on Spotify');
    }
    expect(fakes.spotify.callsTo('POST /me/playlists')).toHaveLength(created);
    expect(fakes.spotify.writeCalls()).toHaveLength(writes);
  });

  it("accepts the export's zip as downloaded, reading Spotify Account Data/Playlist1.json inside it", async () => {
    const ids = ['7EGwq9VfjWrjMShHZCBPv5', '0pDHKfjqYTy6PZDJOQSMr3', '2ecEA5Z1FqTFOwGj90mqF8'];
    fakes.spotify.addTracks(...ids.map((id, i) => aFakeTrack({ id, name: `Third ${i}` })));
    const zip = join(fakes.home, 'my_spotify_data.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'Spotify Account Data/', data: '', method: 'store' },
        { name: 'Spotify Account Data/YourLibrary.json', data: '{"tracks":[]}' },
        { name: 'Spotify Account Data/Playlist1.json', data: exported(2026) },
      ]),
    );

    const restore = await narada('playlist', 'restore', zip, '--playlist', 'third set of playlist');

    expectSuccess(restore);
    const report = restore.json<RestoreJson>();
    expect(report).toMatchObject({ action: 'created', restored: 3 });
    expect(fakes.spotify.playlistUris(report.playlistId)).toEqual(ids.map((id) => `spotify:track:${id}`));
  });

  it('refuses a zip without a playlist file with exit 2, naming the zip', async () => {
    const zip = join(fakes.home, 'other.zip');
    writeFileSync(zip, buildZip([{ name: 'Spotify Account Data/YourLibrary.json', data: '{}' }]));

    const restore = await runNarada(['playlist', 'restore', zip], { env: fakes.env, cwd: fakes.home });

    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain(`${zip} is a zip without a Playlist1.json`);
  });

  it('restores the other playlists of an export when one cannot be placed, and lists it as not restored', async () => {
    const file = join(fakes.home, 'Playlist1-all.json');
    writeFileSync(file, exported(2026));

    const restore = await narada('playlist', 'restore', file);

    expectSuccess(restore);
    expect(restore.stderr).toContain('none of the 5 items of "indo" could be found on Spotify');
    const report = restore.json<{
      playlists: Array<RestoreJson & { source: { name: string } }>;
      notRestored: Array<{ name: string; reason: string }>;
    }>();
    expect(report.playlists.map((p) => p.source.name)).toEqual([
      'Radio Fernando',
      'Meine Playlist Nr.\u00a099',
      'third set of playlist',
    ]);
    expect(report.notRestored).toEqual([
      { name: 'indo', reason: expect.stringContaining('none of the 5 items of "indo"') },
    ]);
  });
});
