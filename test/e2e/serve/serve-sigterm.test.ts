// `narada serve` as a user runs it: the built CLI in a subprocess prints its URL, serves the LastYear
// page against the fakes, and on SIGTERM in the middle of a year's job exits 0 with the database
// whole (what was stored, stored once; the rest left to the cursor); served again, the job resumes
// from that cursor and ends with every scrobble once.
import { describe, expect, it } from '@jest/globals';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { setFakeRegistration } from '../../fakes/lastfm/fake-lastfm-chart-methods.js';
import { onPostgres } from '../../integration/persistence/postgres-test-database.js';
import { openHomeDatabase, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';
import { startNarada } from './long-running-cli.js';
import { pagesStored } from './stored-pages.js';

/** 2024-06-01T00:00:00Z: all 1,000 scrobbles lie in 2024 (5 Last.fm pages of 200). */
const NEWEST = 1_717_200_000;
const TOTAL = 1_000;

const fakes = useFakeServices({ lastfm: {}, musicbrainz: {}, homePrefix: 'narada-e2e-serve-' });

async function year(url: string): Promise<{ status: string; total: number }> {
  const response = await fetch(`${url}/user/Tess/2024`, { headers: { accept: 'application/json' } });
  return (await response.json()) as { status: string; total: number };
}

describe('narada serve', () => {
  it('prints its URL, stops on SIGTERM mid-job with exit 0 and a whole database, and resumes the job when served again', async () => {
    fakes.lastfm.addScrobbles('Tess', aScrobbleSeries(TOTAL, { newest: NEWEST }));
    setFakeRegistration(fakes.lastfm.state, 'Tess', 1_600_000_000);
    // Pages are read 1, 5, 4, 3, ...: held on page 3, pages 5 and 4 are stored by then.
    const held = fakes.lastfm.fault('user.getRecentTracks', 'hold', { page: 3, times: 1 });
    const first = await startNarada(['serve', '--port', '0'], fakes.env);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await year(first.url)).status).toMatch(/pending|fetching/);
    await held.reached;
    await pagesStored(() => openHomeDatabase(fakes.home), 2);

    first.child.kill('SIGTERM');
    // The held page arrives after the stop: the job stops at that checkpoint, storing none of it.
    setTimeout(() => held.clear(), 300);
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain('SIGTERM: stopping');

    // SQLite's file is read through; PostgreSQL checks its own pages, so Narada does not check it.
    const status = await runNarada(['status', '--json'], { env: fakes.env });
    expect(status.json<{ database: { integrity: { state: string } } }>().database.integrity.state).toBe(
      onPostgres ? 'not_checked' : 'ok',
    );
    const partial = await runNarada(['stats', 'eras', '--year', '2024', '--user', 'Tess', '--json'], {
      env: fakes.env,
    });
    const stored = partial.json<{ total: number }>().total;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(TOTAL);
    expect(stored % 200).toBe(0);

    const callsBefore = fakes.lastfm.calls('user.getRecentTracks').length;
    const second = await startNarada(['serve', '--port', '0'], fakes.env);
    try {
      for (let tries = 0; tries < 300 && (await year(second.url)).status !== 'completed'; tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await year(second.url)).toEqual(expect.objectContaining({ status: 'completed', total: TOTAL }));
      // Resumed from the cursor: fewer pages than a whole read of the year (page 1, then 5 pages).
      expect(fakes.lastfm.calls('user.getRecentTracks').length - callsBefore).toBeLessThan(6);
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
