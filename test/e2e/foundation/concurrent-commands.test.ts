// Two or more `narada` processes on one data folder at once, as a user with a scheduled job and a
// terminal open would run them: every one of them must finish, and nothing may be lost or doubled.
import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { expectedByPlays, fakeServiceEnv, seedDemoLibrary } from '../../fakes/seed/demo-library.js';
import { cleanEnv, runNarada, tempDir, type CliResult } from '../cli-harness.js';
import { startWorld, workflowFile, type RunJson } from '../workflow/workflow-e2e-kit.js';

const home = tempDir('narada-e2e-concurrent-');
afterAll(() => home.remove());

function expectSucceeded(results: readonly CliResult[]): void {
  for (const result of results) {
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: expect.not.stringContaining('narada:'),
    });
  }
}

interface Status {
  database: { schemaVersion: number; pendingMigrations: number; rowCounts: Record<string, number> };
}

describe('several narada processes on one data folder', () => {
  it('creates and migrates a fresh data folder once when several first starts race', async () => {
    for (let round = 0; round < 20; round++) {
      const fresh = join(home.path, `fresh-${round}`);
      const command = round % 2 === 0 ? ['status', '--json'] : ['db', 'migrate', '--json'];
      const results = await Promise.all([0, 1].map(() => runNarada(command, { env: cleanEnv(fresh) })));
      expectSucceeded(results);
      const status = (await runNarada(['status', '--json'], { env: cleanEnv(fresh) })).json<Status>();
      expect(status.database.pendingMigrations).toBe(0);
    }
  }, 300_000);

  it('runs two workflows at once to the end, each with its own correct result', async () => {
    const world = await startWorld();
    try {
      const library = seedDemoLibrary(world.spotify, world.lastfm, { size: 150 });
      // Migrated first: this is about the writes of two runs, not the first start (tested above).
      expectSucceeded([await world.narada(['db', 'migrate'])]);
      const run = () =>
        world.narada([
          'workflow',
          'run',
          workflowFile('sort_by_plays.json'),
          '--param',
          `playlist_id=${library.playlistId}`,
          '--json',
        ]);
      const results = await Promise.all([run(), run(), run()]);
      expectSucceeded(results);
      for (const result of results) {
        const summary = result.json<RunJson>();
        expect(summary.status).toBe('succeeded');
        const destination = summary.tasks.find((t) => t.taskId === 'destination')!;
        const id = (destination.details.playlist as { id: string }).id;
        const uris = world.spotify.playlist(id).entries.map((e) => e.uri.replace('spotify:track:', ''));
        expect(uris).toEqual(expectedByPlays(library));
      }
      const runs = await world.narada(['workflow', 'runs', '--json']);
      expect(runs.code).toBe(0);
    } finally {
      await world.close();
    }
  }, 180_000);

  it('runs two Last.fm history imports at once, of the same user and of another, losing and doubling nothing', async () => {
    const world = await startWorld();
    try {
      expectSucceeded([await world.narada(['db', 'migrate'])]);
      world.lastfm.addScrobbles('ann', aScrobbleSeries(3_000, { newest: 1_717_200_000 }));
      world.lastfm.addScrobbles('bob', aScrobbleSeries(2_000, { newest: 1_717_100_000 }));
      const importFor = (user: string) =>
        runNarada(['history', 'import', 'lastfm', '--json'], {
          env: cleanEnv(world.home, fakeServiceEnv(world.spotify, world.lastfm, user)),
          timeoutMs: 120_000,
        });
      const results = await Promise.all([importFor('ann'), importFor('ann'), importFor('bob')]);
      expectSucceeded(results);
      const status = (await world.narada(['status', '--json'])).json<Status>();
      expect(status.database.rowCounts).toMatchObject({ listening_events: 5_000, plays: 5_000 });
    } finally {
      await world.close();
    }
  }, 180_000);
});
