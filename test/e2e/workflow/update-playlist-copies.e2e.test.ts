// destination.update_playlist as the original narada defines it, run by the built CLI against the
// fakes: `dry_run` in a task's config writes nothing; "update_internal" (the default) changes Narada's
// copy only unless `enable_external_sync`; "update_spotify" changes Spotify; and a plan that would
// empty a playlist needs --allow-empty.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHomeDatabase } from '../cli-harness.js';
import { createRepositories } from '../../../src/infrastructure/persistence/repositories.js';
import { trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { useSeededWorld, taskOf, type RunJson } from './workflow-e2e-kit.js';

describe('narada workflow run with destination.update_playlist', () => {
  const world = useSeededWorld();
  let mixes = 0;

  /** A 3-track Spotify playlist, with Narada's copy of it saved by `playlist backup` unless told not to. */
  async function mixOfThree(options: { copy?: boolean } = {}): Promise<{ id: string; name: string }> {
    const name = `Mix ${++mixes}`;
    const mix = world.spotify.addPlaylist({ name, entries: world.library.tracks.slice(0, 3).map(trackUri) });
    if (options.copy !== false) {
      const backup = await world.narada(['playlist', 'backup', mix.id, '--out', join(world.home, 'backups')]);
      expect(backup.code).toBe(0);
    }
    return { id: mix.id, name };
  }

  /** Writes the 12 tracks of the demo playlist (or of `source`) into the mix; returns the file's path. */
  function fillMix(
    mixId: string,
    config: Record<string, unknown>,
    source = world.library.playlistId,
  ): string {
    const path = join(world.home, `fill-${mixId}.json`);
    const workflow = {
      id: 'fill_mix',
      name: 'Fill the mix',
      tasks: [
        { id: 'source', type: 'source.spotify_playlist', config: { playlist_id: source } },
        {
          id: 'write',
          type: 'destination.update_playlist',
          config: { playlist_id: mixId, ...config },
          upstream: ['source'],
        },
      ],
    };
    writeFileSync(path, JSON.stringify(workflow));
    return path;
  }

  const onSpotify = (id: string) => world.spotify.playlist(id).entries.length;

  /** Items of Narada's copy of Spotify playlist `id`, read from the database the CLI wrote. */
  async function inNarada(id: string): Promise<number> {
    const db = await openHomeDatabase(world.home);
    try {
      const copy = await createRepositories(db).playlists.findByExternal('spotify', id);
      if (copy === null) throw new Error(`Narada has no copy of ${id}`);
      return copy.items.length;
    } finally {
      await db.close();
    }
  }

  it('writes nothing, on Spotify or in the database, when the task config says dry_run', async () => {
    const mix = await mixOfThree();
    const before = world.spotify.writeCalls().length;

    const result = await world.narada([
      'workflow',
      'run',
      fillMix(mix.id, { operation_type: 'update_spotify', dry_run: true }),
    ]);

    expect(result.code).toBe(0);
    expect(onSpotify(mix.id)).toBe(3);
    expect(await inNarada(mix.id)).toBe(3);
    expect(world.spotify.writeCalls()).toHaveLength(before);
    expect(result.stdout).toContain(
      `write: dry run ("dry_run": true in its config), nothing written: would add 9, remove 0, move 0 on Spotify playlist "${mix.name}"`,
    );
  });

  it("by default (update_internal) changes Narada's copy only, and says Spotify was left alone", async () => {
    const mix = await mixOfThree();

    const result = await world.narada(['workflow', 'run', fillMix(mix.id, {})]);

    expect(result.code).toBe(0);
    expect(await inNarada(mix.id)).toBe(12);
    expect(onSpotify(mix.id)).toBe(3);
    expect(result.stdout).toContain(
      `write: updated Narada's copy of "${mix.name}" only; Spotify untouched (enable_external_sync is false)`,
    );
  });

  it('with enable_external_sync changes the Spotify playlist too', async () => {
    const mix = await mixOfThree();

    const result = await world.narada([
      'workflow',
      'run',
      fillMix(mix.id, { enable_external_sync: true }),
      '--json',
    ]);

    expect(result.code).toBe(0);
    expect(await inNarada(mix.id)).toBe(12);
    expect(onSpotify(mix.id)).toBe(12);
    const details = taskOf(result.json<RunJson>(), 'write').details;
    expect(details).toMatchObject({
      dryRun: false,
      operationType: 'update_internal',
      writes: [
        expect.objectContaining({ copy: 'spotify', change: expect.objectContaining({ added: 9 }) }),
        expect.objectContaining({ copy: 'narada', change: expect.objectContaining({ added: 9 }) }),
      ],
      untouched: [],
    });
  });

  it("with operation_type update_spotify changes Spotify, and Narada's copy when it has one", async () => {
    const mix = await mixOfThree();
    const bare = await mixOfThree({ copy: false });

    const withCopy = await world.narada([
      'workflow',
      'run',
      fillMix(mix.id, { operation_type: 'update_spotify' }),
    ]);
    const withoutCopy = await world.narada([
      'workflow',
      'run',
      fillMix(bare.id, { operation_type: 'update_spotify' }),
    ]);

    expect([withCopy.code, withoutCopy.code]).toEqual([0, 0]);
    expect(onSpotify(mix.id)).toBe(12);
    expect(await inNarada(mix.id)).toBe(12);
    expect(onSpotify(bare.id)).toBe(12);
    expect(withoutCopy.stdout).toContain(`write: updated Spotify playlist "${bare.name}"`);
  });

  it('refuses update_internal on a playlist Narada has no copy of, saying how to get one', async () => {
    const bare = await mixOfThree({ copy: false });

    const result = await world.narada(['workflow', 'run', fillMix(bare.id, {})]);

    expect(result.code).toBe(2);
    expect(onSpotify(bare.id)).toBe(3);
    expect(result.stderr).toContain(`narada playlist backup ${bare.id}`);
    expect(result.stderr).toContain('"operation_type": "update_spotify"');
  });

  describe('a plan that would empty the playlist', () => {
    let empty: string;

    beforeAll(() => {
      empty = world.spotify.addPlaylist({ name: 'Nothing here', entries: [] }).id;
    });

    it('is refused without --allow-empty (exit 2, naming the task and playlist), nothing written', async () => {
      const mix = await mixOfThree();
      const before = world.spotify.writeCalls().length;

      const result = await world.narada([
        'workflow',
        'run',
        fillMix(mix.id, { operation_type: 'update_spotify' }, empty),
      ]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('task "write"');
      expect(result.stderr).toContain(`"${mix.name}"`);
      expect(result.stderr).toContain('--allow-empty');
      expect(onSpotify(mix.id)).toBe(3);
      expect(await inNarada(mix.id)).toBe(3);
      expect(world.spotify.writeCalls()).toHaveLength(before);
    });

    it('is only reported by a dry run', async () => {
      const mix = await mixOfThree();

      const result = await world.narada([
        'workflow',
        'run',
        fillMix(mix.id, { enable_external_sync: true }, empty),
        '--dry-run',
      ]);

      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `! this would empty Spotify playlist "${mix.name}": a real run refuses unless given --allow-empty`,
      );
      expect(result.stdout).toContain(`! this would empty Narada's copy of "${mix.name}"`);
      expect(onSpotify(mix.id)).toBe(3);
    });

    it('empties both copies with --allow-empty', async () => {
      const mix = await mixOfThree();

      const result = await world.narada([
        'workflow',
        'run',
        fillMix(mix.id, { operation_type: 'update_spotify' }, empty),
        '--allow-empty',
      ]);

      expect(result.code).toBe(0);
      expect(onSpotify(mix.id)).toBe(0);
      expect(await inNarada(mix.id)).toBe(0);
      expect(result.stdout).toContain(`Spotify playlist "${mix.name}" was emptied (--allow-empty)`);
    });
  });
});
