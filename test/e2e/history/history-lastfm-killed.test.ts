// A `narada history import lastfm` killed mid-run, as a user sees it: while it runs, a second import
// of the same history refuses to take it over; once it is dead, the next import marks its run
// interrupted, resumes from its cursor and ends with every scrobble exactly once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startFakeLastfm, type FakeLastfm } from '../../fakes/lastfm/fake-lastfm.js';
import { cleanEnv, NARADA_BIN, runNarada, tempDir } from '../cli-harness.js';

/** 2024-06-01T00:00:00Z: every scrobble lies in 2024. */
const NEWEST = 1_717_200_000;
const TOTAL = 2_000;

interface ImportSummary {
  new: number;
  alreadyPresent: number;
  interrupted: Array<{ id: number; kind: string; reason: string }>;
  runs: Array<{ id: number; resumedRun: number | null }>;
}

let lastfm: FakeLastfm;
const home = tempDir('narada-e2e-killed-');

beforeAll(async () => {
  lastfm = await startFakeLastfm();
});
afterAll(async () => {
  await lastfm.close();
  home.remove();
});

describe('a killed narada history import lastfm', () => {
  it('is left alone while alive, marked interrupted once dead, and resumed to every scrobble once', async () => {
    lastfm.addScrobbles('hal', aScrobbleSeries(TOTAL, { newest: NEWEST }));
    const env = cleanEnv(home.path, {
      LASTFM_API_URL: lastfm.url,
      LASTFM_API_KEY: lastfm.apiKey,
      LASTFM_USERNAME: 'hal',
    });
    // Pages are read 1, 10, 9, ... : the import hangs on page 4 with the older pages read.
    const slow = lastfm.fault('user.getRecentTracks', 'hold', { page: 4, times: 'always' });
    const child = spawn(process.execPath, [NARADA_BIN, 'history', 'import', 'lastfm', '--no-progress'], {
      env,
      cwd: tmpdir(),
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await slow.reached;

    const second = await runNarada(['history', 'import', 'lastfm'], { env });

    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Import run 1 of this Last.fm history`);
    expect(second.stderr).toContain(`is still running in process ${child.pid} on`);

    child.kill('SIGKILL');
    await exited;
    slow.clear();
    const status = await runNarada(['status', '--json'], { env });
    const partial =
      status.json<{ database: { rowCounts: Record<string, number> } }>().database.rowCounts
        .listening_events ?? 0;

    const resumed = await runNarada(['history', 'import', 'lastfm', '--json'], { env });

    expect(resumed.code).toBe(0);
    const summary = resumed.json<ImportSummary>();
    expect(summary.interrupted).toEqual([
      {
        id: 1,
        kind: 'history:lastfm:hal',
        reason: expect.stringContaining(`its process (pid ${child.pid} on `),
      },
    ]);
    expect(summary.runs[0]).toMatchObject({ resumedRun: 1 });
    expect(summary.new).toBe(TOTAL - partial);
    const top = await runNarada(['stats', 'top', '--year', '2024', '--json'], { env });
    expect(top.json<{ totalListens: number }>().totalListens).toBe(TOTAL);
    const counts = (await runNarada(['status', '--json'], { env })).json<{
      database: { rowCounts: Record<string, number> };
    }>().database.rowCounts;
    expect(counts).toMatchObject({ listening_events: TOTAL, plays: TOTAL });
  }, 120_000);
});
