// The Last.fm discovery sources, run by the built CLI against the fakes: what Last.fm names is found
// on Spotify by searches of at most 10 results, linked in the identity records, and not searched again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCatalogTrack, aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { fakeLastfmDiscovery } from '../../fakes/lastfm/fake-lastfm-discovery-methods.js';
import { lastfmEnv, spotifyEnv } from '../../fakes/fake-service-env.js';
import { DEMO_LASTFM_USER } from '../../fakes/seed/demo-library.js';
import { aFakeArtist, aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { cleanEnv, runNarada } from '../cli-harness.js';
import { startWorld, taskOf, workflowFile, type E2eWorld, type RunJson } from './workflow-e2e-kit.js';

describe('Last.fm discovery sources, run with the built CLI', () => {
  let world: E2eWorld;
  const byTitle = new Map<string, FakeTrack>();
  const artists = new Map<string, ReturnType<typeof aFakeArtist>>();

  /** A song on Spotify and in Last.fm's catalogue under the same names. */
  const song = (artist: string, title: string, playcount = 1000): FakeTrack => {
    let spotifyArtist = artists.get(artist);
    if (spotifyArtist === undefined) {
      spotifyArtist = aFakeArtist(artist);
      artists.set(artist, spotifyArtist);
    }
    const [track] = world.spotify.addTracks(aFakeTrack({ name: title, artists: [spotifyArtist] }));
    world.lastfm.addTrack(
      aCatalogTrack({ artist, track: title, durationMs: track!.durationMs, playcount, tags: [] }),
    );
    byTitle.set(title, track!);
    return track!;
  };
  const titlesOf = (uris: readonly string[]): (string | undefined)[] =>
    uris.map((uri) => [...byTitle.values()].find((track) => trackUri(track) === uri)?.name);
  const searches = () => world.spotify.callsTo(/^GET \/v1\/search/);
  const run = async (file: string, params: Record<string, string>): Promise<RunJson> => {
    const args = Object.entries(params).flatMap(([key, value]) => ['--param', `${key}=${value}`]);
    const result = await world.narada(['workflow', 'run', workflowFile(file), ...args, '--json']);
    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as RunJson;
  };

  beforeAll(async () => {
    world = await startWorld();
    world.lastfm.addUser(DEMO_LASTFM_USER);
  });
  afterAll(() => world.close());

  describe('workflows/similar_tracks_mix.json', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const seedA = song('Slowdive', 'Alison');
      const seedB = song('Ride', 'Vapour Trail');
      song('Lush', 'Sweetness and Light');
      song('Lush', 'De-Luxe');
      song('Chapterhouse', 'Pearl');
      const liked = song('Pale Saints', 'Sight of You');
      const discovery = fakeLastfmDiscovery(world.lastfm.state);
      discovery.addSimilar('Slowdive', 'Alison', [
        { artist: 'Lush', track: 'Sweetness and Light', match: 0.9 },
        { artist: 'Lush', track: 'De-Luxe', match: 0.8 },
        { artist: 'Pale Saints', track: 'Sight of You', match: 0.7 },
        { artist: 'Nowhere Band', track: 'Not on Spotify', match: 0.6 },
      ]);
      discovery.addSimilar('Ride', 'Vapour Trail', [
        { artist: 'Chapterhouse', track: 'Pearl', match: 0.95 },
        { artist: 'Lush', track: 'De-Luxe', match: 0.5 },
      ]);
      world.spotify.addSavedTracks([{ trackId: liked.id, addedAt: '2025-01-01T00:00:00Z' }]);
      ids.seed_playlist_id = world.spotify.addPlaylist({
        name: 'Seeds',
        entries: [trackUri(seedA), trackUri(seedB)],
      }).id;
      ids.mix_playlist_id = world.spotify.addPlaylist({ name: 'Mix', entries: [] }).id;
      const imported = await world.narada(['likes', 'import', 'spotify', '--json']);
      expect(imported.code).toBe(0);
    });

    it('writes the similar tracks found on Spotify, without liked ones, no two by one artist in a row', async () => {
      const result = await run('similar_tracks_mix.json', ids);

      expect(titlesOf(world.spotify.playlistUris(ids.mix_playlist_id!))).toEqual([
        'Sweetness and Light',
        'Pearl',
        'De-Luxe',
      ]);
      expect(taskOf(result, 'similar').details).toMatchObject({
        seeds: 2,
        found: 5,
        onSpotify: 4,
        notOnSpotify: 1,
      });
      const limits = searches().map((request) => Number(new URLSearchParams(request.query).get('limit')));
      expect(limits.length).toBeGreaterThan(0);
      expect(limits.every((limit) => limit >= 1 && limit <= 10)).toBe(true);
    });

    it('reuses the links it made on the next run instead of searching Spotify again', async () => {
      const before = searches().length;

      const result = await run('similar_tracks_mix.json', ids);

      expect(taskOf(result, 'similar').details).toMatchObject({ onSpotify: 4, searched: 1 });
      // Only the track Spotify does not have is looked for again.
      expect(searches().length - before).toBeLessThanOrEqual(2);
      expect(titlesOf(world.spotify.playlistUris(ids.mix_playlist_id!))).toEqual([
        'Sweetness and Light',
        'Pearl',
        'De-Luxe',
      ]);
    });
  });

  describe('workflows/top_tracks_by_tag.json', () => {
    const now = Math.floor(Date.now() / 1000);

    beforeAll(() => {
      const plays = (artist: string, title: string, count: number, daysAgo = 3) =>
        world.lastfm.addScrobbles(
          DEMO_LASTFM_USER,
          Array.from({ length: count }, (_, i) =>
            aFakeScrobble({ artist, track: title, timestamp: now - daysAgo * 86_400 - i * 300 }),
          ),
        );
      song('Mira Sol', 'Glasshouse');
      song('Mira Sol', 'Night Bus Home');
      song('Kestrel', 'Slow Orbit');
      song('Juno Park', 'Undertow');
      song('Old Band', 'Years Ago');
      plays('Mira Sol', 'Glasshouse', 9);
      plays('Mira Sol', 'Night Bus Home', 7);
      plays('Kestrel', 'Slow Orbit', 5);
      plays('Juno Park', 'Undertow', 4);
      plays('Old Band', 'Years Ago', 20, 400);
      const discovery = fakeLastfmDiscovery(world.lastfm.state);
      discovery.setTrackTags('Mira Sol', 'Glasshouse', [{ name: 'Dream Pop', count: 100 }]);
      discovery.setTrackTags('Mira Sol', 'Night Bus Home', [{ name: 'dream pop', count: 90 }]);
      discovery.setTrackTags('Juno Park', 'Undertow', [{ name: 'dream pop', count: 5 }]);
      discovery.setArtistTags('Kestrel', [{ name: 'dream pop', count: 60 }]);
      discovery.setTrackTags('Old Band', 'Years Ago', [{ name: 'dream pop', count: 100 }]);
    });

    it("creates a playlist of the period's top tracks with the tag, one per artist, track tags else the artist's", async () => {
      const result = await run('top_tracks_by_tag.json', {
        tag: 'DREAM POP',
        period: '1month',
        name: 'Dreamy',
      });

      const created = world.spotify.callsTo(/^POST \/v1\/me\/playlists/);
      expect(created).toHaveLength(1);
      const playlist = [...world.spotify.state.playlists.values()].find((p) => p.name === 'Dreamy')!;
      expect(titlesOf(playlist.entries.map((e) => e.uri))).toEqual(['Glasshouse', 'Slow Orbit']);
      expect(taskOf(result, 'tags').details).toMatchObject({ fetched: 4, fromArtist: 1 });
      expect(world.lastfm.calls('user.getTopTracks')[0]!.params).toMatchObject({ period: '1month' });
    });

    it('takes the tags from its cache on the next run', async () => {
      const before = world.lastfm.calls('track.getTopTags').length;

      const result = await run('top_tracks_by_tag.json', {
        tag: 'dream pop',
        period: '1month',
        name: 'Dreamy 2',
      });

      expect(world.lastfm.calls('track.getTopTags')).toHaveLength(before);
      expect(taskOf(result, 'tags').details).toMatchObject({ cached: 4, fetched: 0 });
    });
  });

  it('without a Last.fm user, a chart source exits 2 naming LASTFM_USERNAME, and calls nothing', async () => {
    const env = cleanEnv(world.home, {
      ...spotifyEnv(world.spotify),
      ...lastfmEnv(world.lastfm, { signed: true }),
    });
    const before = world.lastfm.calls('user.getTopTracks').length;

    const result = await runNarada(
      ['workflow', 'run', workflowFile('top_tracks_by_tag.json'), '--param', 'tag=rock', '--json'],
      { env, cwd: world.home },
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^narada: task "top" \(source\.lastfm_top_tracks\) failed: .*set LASTFM_USERNAME or run `narada auth lastfm`/m,
    );
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(world.lastfm.calls('user.getTopTracks')).toHaveLength(before);
  });

  describe('workflows/artist_deep_cuts.json', () => {
    it("creates a playlist of the playlist artists' top tracks, without liked ones, artists kept apart", async () => {
      const seed = song('Fenwick & Day', 'Copper Sky', 50);
      song('Fenwick & Day', 'Brass Moon', 900);
      const liked = song('Fenwick & Day', 'Tin Rain', 800);
      const orla = song('Orla Vance', 'Weathervane', 700);
      song('Orla Vance', 'North Light', 600);
      const playlistId = world.spotify.addPlaylist({
        name: 'Explore',
        entries: [trackUri(seed), trackUri(orla)],
      }).id;
      world.spotify.addSavedTracks([{ trackId: liked.id, addedAt: '2025-02-01T00:00:00Z' }]);
      expect((await world.narada(['likes', 'import', 'spotify'])).code).toBe(0);

      const result = await run('artist_deep_cuts.json', {
        playlist_id: playlistId,
        per_artist: '3',
        name: 'Deep',
      });

      const playlist = [...world.spotify.state.playlists.values()].find((p) => p.name === 'Deep')!;
      expect(titlesOf(playlist.entries.map((e) => e.uri))).toEqual([
        'Brass Moon',
        'Weathervane',
        'Copper Sky',
        'North Light',
      ]);
      expect(taskOf(result, 'artist_tops').details).toMatchObject({ artists: 2, unknownArtists: 0 });
      expect(world.lastfm.calls('artist.getTopTracks').map((call) => call.params.artist)).toEqual([
        'Fenwick & Day',
        'Orla Vance',
      ]);
    });
  });
});
