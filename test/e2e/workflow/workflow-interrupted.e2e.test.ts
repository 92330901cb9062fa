// A `narada workflow run` killed mid-run: `narada workflow runs` shows it `running` while its process
// lives, and `interrupted` (with the process that ended) once it is dead, not `running` for ever.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { startFakeLastfm, type FakeLastfm } from '../../fakes/lastfm/fake-lastfm.js';
import { fakeServiceEnv, seedDemoLibrary, type DemoLibrary } from '../../fakes/seed/demo-library.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { cleanEnv, NARADA_BIN, runNarada, tempDir, withDatabase } from '../cli-harness.js';
import type { RunJson } from './workflow-e2e-kit.js';

interface ListedRun extends RunJson {
  readonly finishedAt: number | null;
  readonly durationMs: number | null;
  readonly error: string | null;
}

describe('a killed narada workflow run', () => {
  let spotify: FakeSpotify;
  let lastfm: FakeLastfm;
  let library: DemoLibrary;
  const home = tempDir('narada-workflow-killed-');
  let env: Record<string, string>;

  beforeAll(async () => {
    spotify = await startFakeSpotify();
    lastfm = await startFakeLastfm();
    library = seedDemoLibrary(spotify, lastfm);
    env = cleanEnv(home.path, fakeServiceEnv(spotify, lastfm));
  });
  afterAll(async () => {
    await spotify.close();
    await lastfm.close();
    home.remove();
  });

  async function listedRuns(): Promise<ListedRun[]> {
    const result = await runNarada(['workflow', 'runs', '--json'], { env, cwd: home.path });
    expect(result.code).toBe(0);
    return result.json<{ runs: ListedRun[] }>().runs;
  }

  it('is listed as running while its process lives, then as interrupted', async () => {
    // The Last.fm enricher waits on its first look-up until the test lets go.
    const slow = lastfm.fault('track.getInfo', 'hold', { times: 'always' });
    const args = [
      'workflow',
      'run',
      'sort_by_plays',
      '--param',
      `playlist_id=${library.playlistId}`,
      '--dry-run',
    ];
    const child = spawn(process.execPath, [NARADA_BIN, ...args], {
      env: await withDatabase(env),
      cwd: home.path,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await slow.reached;

    expect(await listedRuns()).toEqual([
      expect.objectContaining({ id: 1, status: 'running', finishedAt: null }),
    ]);

    child.kill('SIGKILL');
    await exited;
    slow.clear();

    const [killed] = await listedRuns();
    expect(killed).toMatchObject({
      id: 1,
      status: 'interrupted',
      finishedAt: expect.any(Number),
      durationMs: null,
    });
    const human = await runNarada(['workflow', 'runs'], { env, cwd: home.path });
    expect(human.stdout).toMatch(/^#1 +\S+ \S+ +sort_by_plays +interrupted +0 tasks +\(dry run\)$/m);
    expect(killed?.error).toContain(`its process (pid ${child.pid} on `);

    const again = await runNarada(args, { env, cwd: home.path });
    expect(again.code).toBe(0);
    expect((await listedRuns()).map((run) => run.status)).toEqual(['succeeded', 'interrupted']);
  }, 120_000);
});
