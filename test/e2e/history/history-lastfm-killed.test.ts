// A `narada history import lastfm` killed mid-run, as a user sees it: while it runs, a second import
// of the same history waits for it (and says so) instead of taking it over; once it is dead, the
// waiting import marks its run interrupted, resumes from its cursor and ends with every scrobble once.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { NARADA_BIN, runNarada, withDatabase, tempDir } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

/** 2024-06-01T00:00:00Z: every scrobble lies in 2024. */
const NEWEST = 1_717_200_000;
const TOTAL = 2_000;
const SPOTIFY_EXPORT = fileURLToPath(
  new URL('../../fixtures/exports/Streaming_History_Audio_2025.json', import.meta.url),
);

interface ImportSummary {
  new: number;
  alreadyPresent: number;
  interrupted: Array<{ id: number; kind: string; reason: string }>;
  runs: Array<{ id: number; resumedRun: number | null }>;
}

const fakes = useFakeServices({ lastfm: {}, homePrefix: 'narada-e2e-killed-' });

/**
 * Starts `narada history import lastfm` of `user`'s TOTAL scrobbles in `home`, held by the fake Last.fm
 * on page 4 (pages are read 1, 10, 9, ...: the older pages are read by then) until the fault is cleared.
 */
async function importHeldOnPage4(user: string, home: string, extra: Record<string, string> = {}) {
  fakes.lastfm.addScrobbles(user, aScrobbleSeries(TOTAL, { newest: NEWEST }));
  const env = fakes.envFor(home, { LASTFM_USERNAME: user, ...extra });
  const slow = fakes.lastfm.fault('user.getRecentTracks', 'hold', { page: 4, times: 'always' });
  const child = spawn(process.execPath, [NARADA_BIN, 'history', 'import', 'lastfm', '--no-progress'], {
    env: await withDatabase(env),
    cwd: tmpdir(),
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { env, slow, child, exited };
}

describe('a killed narada history import lastfm', () => {
  it('holds no write lock while it waits on Last.fm: a local import meanwhile writes at once', async () => {
    const local = tempDir('narada-e2e-lock-');
    const { env, slow, child, exited } = await importHeldOnPage4('ida', local.path, {
      NARADA_DB_WAIT_SECONDS: '3',
    });
    try {
      await slow.reached;
      const spotify = await runNarada(['history', 'import', 'spotify', SPOTIFY_EXPORT, '--json'], { env });
      expect(spotify.stderr).not.toContain('DATABASE.BUSY');
      expect(spotify.code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await exited;
      slow.clear();
      local.remove();
    }
  }, 120_000);

  it('is waited for while alive, marked interrupted once dead, and resumed by the waiting import to every scrobble once', async () => {
    const { env, slow, child, exited } = await importHeldOnPage4('hal', fakes.home);
    await slow.reached;

    const second = spawn(
      process.execPath,
      [NARADA_BIN, 'history', 'import', 'lastfm', '--json', '--no-progress'],
      { env: await withDatabase(env), cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let secondOut = '';
    let secondErr = '';
    second.stdout.on('data', (chunk: Buffer) => (secondOut += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (secondErr += chunk.toString()));
    const secondExit = new Promise<number | null>((resolve) => second.on('exit', (code) => resolve(code)));
    for (let tries = 0; !secondErr.includes('Waiting') && tries < 300; tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));

    expect(secondErr).toContain(`Import run 1 of this Last.fm history`);
    expect(secondErr).toContain(`is still running in process ${child.pid} on`);

    child.kill('SIGKILL');
    await exited;
    slow.clear();

    expect(await secondExit).toBe(0);
    const summary = JSON.parse(secondOut) as ImportSummary;
    expect(summary.interrupted).toEqual([
      {
        id: 1,
        kind: 'history:lastfm:hal',
        reason: expect.stringContaining(`its process (pid ${child.pid} on `),
      },
    ]);
    expect(summary.runs[0]).toMatchObject({ resumedRun: 1 });
    expect(summary.new).toBeGreaterThan(0);
    const top = await runNarada(['stats', 'top', '--year', '2024', '--json'], { env });
    expect(top.json<{ totalListens: number }>().totalListens).toBe(TOTAL);
    const counts = (await runNarada(['status', '--json'], { env })).json<{
      database: { rowCounts: Record<string, number> };
    }>().database.rowCounts;
    expect(counts).toMatchObject({ listening_events: TOTAL, plays: TOTAL });
  }, 120_000);
});
