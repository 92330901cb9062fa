// What a user can fix about a playlist command says so in one line with exit 2: an id Spotify does
// not know, a backup folder that cannot be written. The built CLI against the fake Spotify.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { runNarada, type CliResult } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({ spotify: {} });

/** Exit 2 and exactly one line on stderr. */
function oneUserError(result: CliResult): string {
  expect({ code: result.code, lines: result.stderr.trimEnd().split('\n') }).toEqual({
    code: 2,
    lines: [expect.stringMatching(/^narada: /)],
  });
  return result.stderr.trim();
}

describe('narada playlist, on what the user can fix', () => {
  it('names a playlist id Spotify does not know, with exit 2', async () => {
    const unknown = '0000000000000000000000';
    const line = oneUserError(
      await runNarada(['playlist', 'backup', unknown], { env: fakes.env, cwd: fakes.home }),
    );
    expect(line).toBe(`narada: Spotify has no playlist ${unknown}; check the id or link`);
  });

  it('says the same under --json, with the code', async () => {
    const unknown = '1111111111111111111111';
    const file = await backupFile();
    const result = await runNarada(['playlist', 'restore', file, '--to', unknown, '--json'], {
      env: fakes.env,
      cwd: fakes.home,
    });
    oneUserError(result);
    expect(result.json()).toEqual({
      ok: false,
      error: {
        code: 'SPOTIFY.NOT_FOUND',
        message: `Spotify has no playlist ${unknown}; check the id or link`,
      },
    });
  });

  it('names a --out folder that cannot be made, instead of an unexpected error', async () => {
    const track = fakes.spotify.addTracks(aFakeTrack({ name: 'Roads', artist: 'Portishead' }));
    const playlist = fakes.spotify.addPlaylist({ name: 'Mine', entries: track.map(trackUri) });
    const file = join(fakes.home, 'not-a-folder');
    writeFileSync(file, '');
    const line = oneUserError(
      await runNarada(['playlist', 'backup', playlist.id, '--out', join(file, 'backups')], {
        env: fakes.env,
        cwd: fakes.home,
      }),
    );
    expect(line).toBe(
      `narada: cannot write ${join(file, 'backups')}: a part of the path is a file, not a folder`,
    );
  });
});

/** A backup made by narada itself, of a new playlist of one track. */
async function backupFile(): Promise<string> {
  const [track] = fakes.spotify.addTracks(aFakeTrack({ name: 'Glory Box', artist: 'Portishead' }));
  const playlist = fakes.spotify.addPlaylist({ name: 'To restore', entries: [trackUri(track!)] });
  const result = await runNarada(['playlist', 'backup', playlist.id, '--json'], {
    env: fakes.env,
    cwd: fakes.home,
  });
  expect(result.code).toBe(0);
  return result.json<{ written: Array<{ file: string }> }>().written[0]!.file;
}
