import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { aFakeArtist, aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { startWorld, workflowFile, writeSizes, type E2eWorld } from './workflow-e2e-kit.js';

const DAY = 86_400_000;

describe('narada workflow run workflows/discovery_mix.json', () => {
  let world: E2eWorld;
  const songs = new Map<string, FakeTrack>();
  const ids: Record<string, string> = {};

  /** A song released `age` days ago with `listeners` on Last.fm. */
  const song = (
    name: string,
    age: number,
    listeners: number,
    artists = [aFakeArtist(`${name} artist`)],
  ): FakeTrack => {
    const released = new Date(Date.now() - age * DAY).toISOString().slice(0, 10);
    const [track] = world.spotify.addTracks(
      aFakeTrack({ name, artists, album: { releaseDate: released, releaseDatePrecision: 'day' } }),
    );
    world.lastfm.addTrack(aCatalogTrack({ artist: artists[0]!.name, track: name, listeners }));
    songs.set(name, track!);
    return track!;
  };
  const titlesOf = (playlistId: string) =>
    world.spotify
      .playlist(playlistId)
      .entries.map((e) => [...songs.values()].find((s) => trackUri(s) === e.uri)?.name);

  beforeAll(async () => {
    world = await startWorld();
    const skipArtist = aFakeArtist('Skip Me');
    const [a1, a2, a3, a4, a5, a6] = [
      song('A1', 10, 500),
      song('A2', 400, 999),
      song('A3', 20, 100),
      song('A4', 30, 800),
      song('A5', 5, 950, [aFakeArtist('Guest'), skipArtist]),
      song('A6', 15, 700),
    ];
    const [b1, b2, b4] = [song('B1', 3, 900), song('B2', 50, 300), song('B4', 200, 990)];
    const old = song('Old favourite', 3000, 50);
    const skipped = song('Skip song', 100, 10, [skipArtist]);
    const playlist = (name: string, tracks: FakeTrack[]) =>
      world.spotify.addPlaylist({ name, entries: tracks.map(trackUri) }).id;
    ids.fresh_a = playlist('Fresh A', [a1!, a2!, a3!, a4!, a5!, a6!]);
    ids.fresh_b = playlist('Fresh B', [b1!, b2!, a1!, b4!]);
    ids.heard = playlist('Heard', [a4!]);
    ids.skip_artists = playlist('Not for me', [skipped]);
    ids.mix_playlist_id = playlist('My mix', [old, b2!]);
  });

  afterAll(() => world.close());

  it('writes recent, unheard tracks of the two sources, without skipped artists, most listened first, into the mix', async () => {
    const b2AddedAt = world.spotify.playlist(ids.mix_playlist_id!).entries[1]!.addedAt;
    const params = Object.entries(ids).flatMap(([name, id]) => ['--param', `${name}=${id}`]);

    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('discovery_mix.json'),
      ...params,
      '--json',
    ]);

    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    expect(titlesOf(ids.mix_playlist_id!)).toEqual(['B1', 'A6', 'A1', 'B2', 'A3']);
    const b2 = world.spotify
      .playlist(ids.mix_playlist_id!)
      .entries.find((e) => e.uri === trackUri(songs.get('B2')!));
    expect(b2?.addedAt).toBe(b2AddedAt);
  });

  it("changes only the mix playlist, within Spotify's limits", () => {
    const written = new Set(world.spotify.writeCalls().map((request) => request.path.split('/')[3]));
    expect(written).toEqual(new Set([ids.mix_playlist_id]));
    expect(Math.max(...writeSizes(world.spotify))).toBeLessThanOrEqual(100);
    expect(world.spotify.removedRouteCalls()).toEqual([]);
  });
});
