// `narada playlist restore --to` and a workflow's `destination.update_playlist` bring a Spotify
// playlist to a list through the same sync, so they treat what the list does not name alike: a
// podcast episode already in the playlist stays where it is, with its added_at (restore used to
// delete it, the workflow to move it after the tracks). Both over HTTP to the fake Spotify.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parsePlaylistBackup } from '../../../src/domain/backup/parse-playlist-backup.js';
import { restoreSourceFromBackup } from '../../../src/domain/backup/restore-source.js';
import { aFakeEpisode, aFakeTrack, episodeUri, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { startWorkflowWorld } from '../workflow/workflow-test-kit.js';
import { openPlaylistWorld } from './playlist-test-kit.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

/** A source playlist [C, A] and a target playlist [episode, A, B, C]; returns their ids and the URIs. */
function seed(fake: FakeSpotify) {
  const [a, b, c] = fake.addTracks(aFakeTrack(), aFakeTrack(), aFakeTrack()).map(trackUri);
  const episode = episodeUri(fake.addEpisodes(aFakeEpisode())[0]!);
  const source = fake.addPlaylist({ name: 'Wanted', entries: [c!, a!] });
  const target = fake.addPlaylist({ name: 'Mine', entries: [episode, a!, b!, c!] });
  const episodeAddedAt = fake.playlist(target.id).entries[0]!.addedAt;
  return { sourceId: source.id, targetId: target.id, a: a!, c: c!, episode, episodeAddedAt };
}

describe('restore and the workflow destinations share one playlist sync', () => {
  it('restore --to leaves an episode the backup does not hold where it is, and reports it', async () => {
    const world = await openPlaylistWorld();
    closers.push(() => world.dispose());
    const s = seed(world.fake);
    const backup = await world.backup.run({ playlists: [s.sourceId], all: false, outDir: world.backupDir });
    const file = backup.written[0]!.file;
    const source = restoreSourceFromBackup(parsePlaylistBackup(readFileSync(file, 'utf8'), file), file);

    const report = await world.restore.run(source, { to: s.targetId, dryRun: false });

    expect(world.fake.playlistUris(s.targetId)).toEqual([s.episode, s.c, s.a]);
    expect(world.fake.playlist(s.targetId).entries[0]!.addedAt).toBe(s.episodeAddedAt);
    expect(report.leftInPlace).toEqual([expect.objectContaining({ position: 0, kind: 'episode' })]);
  });

  it('a workflow destination does the same with the same playlists', async () => {
    const world = await startWorkflowWorld();
    closers.push(() => world.close());
    const s = seed(world.spotify);
    const tasks = [
      { id: 'source', type: 'source.spotify_playlist', config: { playlist_id: s.sourceId } },
      {
        id: 'destination',
        type: 'destination.update_playlist',
        config: { playlist_id: s.targetId, operation_type: 'update_spotify' },
        upstream: ['source'],
      },
    ];

    const run = await (
      await world.runner()
    ).run({ text: JSON.stringify({ id: 'inline', tasks }), source: 'inline', parameters: {}, dryRun: false });

    expect(run.status).toBe('succeeded');
    expect(world.spotify.playlistUris(s.targetId)).toEqual([s.episode, s.c, s.a]);
    expect(world.spotify.playlist(s.targetId).entries[0]!.addedAt).toBe(s.episodeAddedAt);
    const details = run.tasks.find((t) => t.taskId === 'destination')!.details;
    expect((details['warnings'] as string[]).join(' ')).toContain('left where they are');
  });
});
