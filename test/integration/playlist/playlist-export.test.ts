// `playlist export` through the real Spotify client against the fake: the playlist read whole, each
// format written from what Spotify served, a file written when asked, and ids Spotify lacks refused.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { aFakeTrack, localFileUri, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld;
beforeEach(async () => {
  world = await openPlaylistWorld();
});
afterEach(() => world.dispose());

function seed(): { id: string; uris: string[] } {
  const tracks = world.fake.addTracks(
    aFakeTrack({ name: 'Ünder & Over', artist: 'Ann' }),
    aFakeTrack({ name: 'Two, "quoted"', artist: 'Bob' }),
  );
  const local = localFileUri({ artist: 'Me', album: 'Rips', title: 'Demo', seconds: 120 });
  const uris = [trackUri(tracks[0]!), local, trackUri(tracks[1]!)];
  return { id: world.fake.addPlaylist({ name: 'Road <Trip>', entries: uris }).id, uris };
}

describe('playlist export from Spotify (real client, fake Spotify)', () => {
  it('writes an Exportify CSV file holding every entry of the playlist in order', async () => {
    const { id, uris } = seed();
    const report = await world.exporter.run({
      source: { kind: 'spotify', playlist: `spotify:playlist:${id}` },
      format: 'csv',
      out: { dir: world.backupDir, fileName: 'road.csv' },
    });

    expect(report).toMatchObject({ playlist: { id, name: 'Road <Trip>' }, items: 3, content: null });
    expect(report.file).toBe(join(world.backupDir, 'road.csv'));
    const rows = parse(readFileSync(report.file!, 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r['Track URI'])).toEqual(uris);
    expect(rows.map((r) => r['Track Name'])).toEqual(['Ünder & Over', 'Demo', 'Two, "quoted"']);
  });

  it('hands the text back without a file, and names Spotify links and the playlist in JSPF', async () => {
    const { id, uris } = seed();
    const report = await world.exporter.run({
      source: { kind: 'spotify', playlist: id },
      format: 'jspf',
      out: null,
    });
    const document = JSON.parse(report.content!) as {
      playlist: {
        title: string;
        identifier: string;
        track: Array<{ identifier: string[]; location?: string[] }>;
      };
    };
    expect(document.playlist.title).toBe('Road <Trip>');
    expect(document.playlist.identifier).toBe(`https://open.spotify.com/playlist/${id}`);
    expect(document.playlist.track.map((t) => t.identifier[0] ?? t.location?.[0])).toEqual([
      uris[0]!.replace('spotify:track:', 'https://open.spotify.com/track/'),
      uris[1],
      uris[2]!.replace('spotify:track:', 'https://open.spotify.com/track/'),
    ]);
  });

  it('refuses a playlist Spotify does not have, writing nothing', async () => {
    await expect(
      world.exporter.run({
        source: { kind: 'spotify', playlist: 'NoSuchPlaylist0000000000' },
        format: 'm3u8',
        out: { dir: world.backupDir, fileName: 'none.m3u8' },
      }),
    ).rejects.toMatchObject({ category: 'input' });
    expect(existsSync(join(world.backupDir, 'none.m3u8'))).toBe(false);
  });
});
