import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { startWorld, taskOf, workflowFile, type E2eWorld, type RunJson } from './workflow-e2e-kit.js';

const DAY = 86_400_000;

describe('narada workflow run workflows/forgotten_favourites.json', () => {
  let world: E2eWorld;
  const liked = new Map<string, FakeTrack>();

  /** A liked song with plays that ended the given numbers of days ago. */
  const history: object[] = [];
  const likedSong = (name: string, daysAgo: readonly number[]): void => {
    const [track] = world.spotify.addTracks(aFakeTrack({ name }));
    liked.set(name, track!);
    world.spotify.addSavedTracks([{ trackId: track!.id, addedAt: '2020-01-01T00:00:00Z' }]);
    for (const days of daysAgo) {
      history.push({
        ts: new Date(Date.now() - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
        ms_played: 200_000,
        master_metadata_track_name: name,
        master_metadata_album_artist_name: track!.artists[0]!.name,
        master_metadata_album_album_name: track!.album.name,
        spotify_track_uri: trackUri(track!),
      });
    }
  };

  beforeAll(async () => {
    world = await startWorld();
    likedSong('Forgotten, played 8 times', [300, 310, 320, 330, 340, 350, 360, 370]);
    likedSong('Still on repeat', [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    likedSong('Played twice long ago', [400, 401]);
    likedSong('Forgotten, played 6 times', [200, 201, 202, 203, 204, 205]);
    likedSong('Never played', []);
    const file = join(world.home, 'Streaming_History_Audio_2024.json');
    writeFileSync(file, JSON.stringify(history));
    const imported = await world.narada(['history', 'import', 'spotify', file]);
    expect(imported.stderr).not.toContain('narada:');
    expect(imported.code).toBe(0);
  });

  afterAll(() => world.close());

  it('makes a playlist of liked songs played often but not for months, most played first', async () => {
    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('forgotten_favourites.json'),
      '--json',
    ]);

    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    const run = result.json<RunJson>();
    const id = (taskOf(run, 'destination').details.playlist as { id: string }).id;
    const names = world.spotify
      .playlist(id)
      .entries.map((e) => [...liked.values()].find((t) => trackUri(t) === e.uri)?.name);
    expect(names).toEqual(['Forgotten, played 8 times', 'Forgotten, played 6 times']);
    expect(taskOf(run, 'likes').outputCount).toBe(5);
    expect(run.apiCallsByService.lastfm).toBeUndefined();
  });
});
