// `narada history import lastfm` as a user runs it: the built CLI against the fake Last.fm.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import type { FakeLastfmFault } from '../../fakes/lastfm/fake-lastfm-faults.js';
import { NARADA_BIN, runNarada, withDatabase, tempDir } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

/** 2024-06-01T00:00:00Z: every scrobble lies in 2024. */
const NEWEST = 1_717_200_000;

interface ImportSummary {
  pages: number;
  received: number;
  new: number;
  alreadyPresent: number;
  skipped: { unreadable: number };
  runs: Array<{ id: number; resumedRun: number | null }>;
}

interface Status {
  database: { rowCounts: Record<string, number> };
}

const fakes = useFakeServices({ lastfm: {} });
const homes: Array<{ remove(): void }> = [];
afterAll(() => {
  for (const home of homes) home.remove();
});

function env(user: string): Record<string, string> {
  const home = tempDir('narada-e2e-history-');
  homes.push(home);
  return fakes.envFor(home.path, { LASTFM_USERNAME: user });
}

async function rowCounts(environment: Record<string, string>): Promise<Record<string, number>> {
  return (await runNarada(['status', '--json'], { env: environment })).json<Status>().database.rowCounts;
}

async function listensIn2024(environment: Record<string, string>): Promise<number> {
  const top = await runNarada(['stats', 'top', '--year', '2024', '--json'], { env: environment });
  return top.json<{ totalListens: number }>().totalListens;
}

describe('narada history import lastfm', () => {
  it('imports a multi-page history without the now-playing entry, then finds nothing new', async () => {
    fakes.lastfm.addScrobbles('ann', aScrobbleSeries(1_000, { newest: NEWEST }));
    fakes.lastfm.setNowPlaying('ann', { artist: 'Live Now', track: 'Playing', album: null });
    const environment = env('ann');

    const first = await runNarada(['history', 'import', 'lastfm', '--json'], { env: environment });

    expect(first.code).toBe(0);
    expect(first.json<ImportSummary>()).toMatchObject({
      pages: 5,
      received: 1000,
      new: 1000,
      alreadyPresent: 0,
      skipped: { unreadable: 0 },
    });
    expect(first.stderr).toMatch(/Last\.fm scrobbles/);
    expect(await rowCounts(environment)).toMatchObject({ listening_events: 1000, plays: 1000 });
    expect(await listensIn2024(environment)).toBe(1000);

    const again = await runNarada(['history', 'import', 'lastfm', '--json'], { env: environment });
    expect(again.json<ImportSummary>()).toMatchObject({ new: 0 });
    const reread = await runNarada(['history', 'import', 'lastfm', '--since', '2024-01-01', '--json'], {
      env: environment,
    });
    expect(reread.json<ImportSummary>()).toMatchObject({ received: 1000, new: 0, alreadyPresent: 1000 });
    expect(await rowCounts(environment)).toMatchObject({ listening_events: 1000, plays: 1000 });

    const human = await runNarada(['history', 'import', 'lastfm', '--since', '2024-05-31'], {
      env: environment,
    });
    expect(human.stdout).toMatch(
      /^Last\.fm history of ann: 2 pages, 361 scrobbles received\n {2}new: +0\n {2}already present: +361/,
    );
  }, 90_000);

  it('resumes an import killed mid-run exactly where it stopped: exact count, no duplicates', async () => {
    fakes.lastfm.addScrobbles('bea', aScrobbleSeries(6_000, { newest: NEWEST }));
    const environment = env('bea');
    const before = fakes.lastfm.calls('user.getRecentTracks').length;

    const child = spawn(process.execPath, [NARADA_BIN, 'history', 'import', 'lastfm', '--no-progress'], {
      env: await withDatabase(environment),
      cwd: tmpdir(),
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed without warning about half way (Last.fm is paced at 5/s; pages are stored each second).
    while (fakes.lastfm.calls('user.getRecentTracks').length - before < 16)
      await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const partial = (await rowCounts(environment)).listening_events ?? 0;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(6000);

    const resumed = await runNarada(['history', 'import', 'lastfm', '--json'], { env: environment });

    expect(resumed.code).toBe(0);
    const summary = resumed.json<ImportSummary>();
    expect(summary.runs[0]).toMatchObject({ resumedRun: 1 });
    expect(summary.new).toBe(6000 - partial);
    expect(await rowCounts(environment)).toMatchObject({ listening_events: 6000, plays: 6000 });
    expect(await listensIn2024(environment)).toBe(6000);
  }, 90_000);

  it('asks again for a page Last.fm sent empty although its paging says it is full, and keeps every scrobble', async () => {
    fakes.lastfm.addScrobbles('dee', aScrobbleSeries(1_000, { newest: NEWEST }));
    const environment = env('dee');
    const fault = fakes.lastfm.fault('user.getRecentTracks', 'empty', { page: 3, times: 1 });

    const result = await runNarada(['history', 'import', 'lastfm', '--json'], { env: environment });

    fault.clear();
    expect(fault.hits()).toBe(1);
    expect(result.code).toBe(0);
    expect(result.json<ImportSummary>()).toMatchObject({ new: 1000, skipped: { unreadable: 0 } });
    expect(await rowCounts(environment)).toMatchObject({ listening_events: 1000, plays: 1000 });
  });

  const lasting: ReadonlyArray<[string, string, FakeLastfmFault]> = [
    ['stays empty', 'ed', 'empty'],
    ['keeps coming cut short', 'flo', 'truncated'],
    ['keeps failing with error 8', 'gus', { error: 8 }],
  ];
  it.each(lasting)(
    'stops with exit 1 when a page %s, keeping what came before; once Last.fm answers, the same command reads the rest',
    async (_name, user, kind) => {
      fakes.lastfm.addScrobbles(user, aScrobbleSeries(1_000, { newest: NEWEST }));
      const environment = env(user);
      const fault = fakes.lastfm.fault('user.getRecentTracks', kind, { page: 3, times: 'always' });

      const stopped = await runNarada(['history', 'import', 'lastfm'], { env: environment });

      fault.clear();
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toContain(`The Last.fm import of ${user} stopped at Last.fm page 3 of 5`);
      expect(stopped.stderr).toContain('run the same command again to resume');
      expect(stopped.stderr).not.toMatch(/\n\s+at /);
      // The two oldest pages were stored before page 3; nothing of page 3 or newer is claimed.
      expect(await rowCounts(environment)).toMatchObject({ listening_events: 400 });

      const resumed = await runNarada(['history', 'import', 'lastfm', '--json'], { env: environment });

      expect(resumed.code).toBe(0);
      expect(resumed.json<ImportSummary>()).toMatchObject({ new: 600, runs: [{ resumedRun: 1 }, {}] });
      expect(await rowCounts(environment)).toMatchObject({ listening_events: 1000, plays: 1000 });
      expect(await listensIn2024(environment)).toBe(1000);
    },
    60_000,
  );

  it('refuses a range that ends before it starts', async () => {
    const result = await runNarada(
      ['history', 'import', 'lastfm', '--since', '2024-02-01', '--until', '2024-01-01'],
      { env: env('cy') },
    );
    expect(result.stderr).toContain('--since (2024-02-01) must be before --until (2024-01-01)');
    expect(result.code).toBe(2);
  });
});
