// filter.by_liked and filter.by_added_at with the built CLI: the likes `narada likes import` stored,
// the playlist's added_at, the refusal before likes were imported, and bad config of the new nodes.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aFakeArtist, aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { DEMO_LASTFM_USER } from '../../fakes/seed/demo-library.js';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { useSeededWorld, workflowFile } from './workflow-e2e-kit.js';

const DAY = 86_400_000;

describe('filter.by_liked and filter.by_added_at, run with the built CLI', () => {
  const world = useSeededWorld();

  /** A playlist of songs added `ages` days ago; the songs named in `loved` are loved on Last.fm. */
  const seedPlaylist = (songs: ReadonlyArray<[title: string, ageDays: number]>, loved: readonly string[]) => {
    const artist = aFakeArtist('Ada Quay');
    const tracks = songs.map(
      ([name]) => world.spotify.addTracks(aFakeTrack({ name, artists: [artist] }))[0]!,
    );
    for (const [name] of songs) world.lastfm.addTrack(aCatalogTrack({ artist: 'Ada Quay', track: name }));
    for (const name of loved) {
      world.lastfm.addLove(DEMO_LASTFM_USER, { artist: 'Ada Quay', track: name, date: 1_700_000_000 });
    }
    const playlist = world.spotify.addPlaylist({
      name: 'Recent additions',
      entries: tracks.map((track, i) => ({
        uri: trackUri(track),
        addedAt: new Date(Date.now() - songs[i]![1] * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
        addedBy: 'fake-user',
      })),
    });
    return { playlist, tracks };
  };
  const playlistTitles = (name: string): string[] => {
    const playlist = [...world.spotify.state.playlists.values()].find((p) => p.name === name);
    return (playlist?.entries ?? []).map(
      (entry) => [...world.spotify.state.tracks.values()].find((t) => trackUri(t) === entry.uri)?.name ?? '?',
    );
  };

  it('refuses filter.by_liked before the likes were imported, naming the command, and writes nothing', async () => {
    const { playlist } = seedPlaylist([['Morning Freight', 2]], ['Morning Freight']);
    const writes = world.spotify.writeCalls().length;

    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('recently_added_loved.json'),
      '--param',
      `playlist_id=${playlist.id}`,
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run `narada likes import lastfm` first');
    expect(world.spotify.writeCalls()).toHaveLength(writes);
  });

  it('keeps the tracks added within the days given that are loved on Last.fm, newest addition first', async () => {
    const { playlist } = seedPlaylist(
      [
        ['Rails', 40],
        ['Signal Box', 3],
        ['Platform Nine', 10],
        ['Branch Line', 1],
      ],
      ['Rails', 'Signal Box', 'Platform Nine'],
    );
    expect((await world.narada(['likes', 'import', 'lastfm'])).code).toBe(0);

    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('recently_added_loved.json'),
      '--param',
      `playlist_id=${playlist.id}`,
      '--param',
      'days=30',
      '--param',
      'name=Loved lately',
      '--json',
    ]);

    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    expect(playlistTitles('Loved lately')).toEqual(['Signal Box', 'Platform Nine']);
  });

  it.each([
    [{ type: 'source.lastfm_top_tracks', config: { period: 'fortnight' } }, 'period'],
    [{ type: 'source.lastfm_artist_top_tracks', config: {} }, 'artists'],
    [{ type: 'source.lastfm_similar_tracks', config: { title: 'Alison' } }, 'artist'],
  ])(
    'validate and run refuse bad config with exit 2, naming the task and field (%o)',
    async (task, field) => {
      const path = join(world.home, `bad-${field}.json`);
      writeFileSync(path, JSON.stringify({ id: 'bad', tasks: [{ id: 'discover', ...task }] }));

      for (const command of ['validate', 'run']) {
        const result = await world.narada(['workflow', command, path]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`task "discover", config.${field}`);
      }
    },
  );

  it('refuses a tag weight out of range, naming the task and field', async () => {
    const path = join(world.home, 'bad-weight.json');
    writeFileSync(
      path,
      JSON.stringify({
        id: 'bad',
        tasks: [
          { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
          {
            id: 'tagged',
            type: 'filter.by_tags',
            config: { include: ['rock'], min_weight: 250 },
            upstream: ['src'],
          },
        ],
      }),
    );

    const result = await world.narada(['workflow', 'validate', path]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('task "tagged", config.min_weight');
  });
});
