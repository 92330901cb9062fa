// Two or more `narada` processes on one data folder at once, as a user with a scheduled job and a
// terminal open would run them: every one of them must finish, and nothing may be lost or doubled.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aReckonerListen, exportText } from '../../fixtures/history/spotify-export-rows.js';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { expectedByPlays, fakeServiceEnv, seedDemoLibrary } from '../../fakes/seed/demo-library.js';
import { cleanEnv, NARADA_BIN, runNarada, sqliteEnv, tempDir, type CliResult } from '../cli-harness.js';
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
      // On PostgreSQL the three runs share Last.fm's 5 requests a second across processes (450 calls:
      // 90 s at the least); on SQLite each process keeps its own limiter.
      const run = () =>
        world.narada(
          [
            'workflow',
            'run',
            workflowFile('sort_by_plays.json'),
            '--param',
            `playlist_id=${library.playlistId}`,
            '--json',
          ],
          240_000,
        );
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
  }, 300_000);

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

  it('SQLite: names the other command when it holds the write lock past NARADA_DB_WAIT_SECONDS, and changes nothing', async () => {
    const folder = join(home.path, 'busy');
    mkdirSync(folder);
    const database = join(folder, 'narada.db');
    // Another Narada process in the middle of a long write: it opens the database as the CLI does.
    const openDatabaseJs = join(
      dirname(NARADA_BIN),
      '..',
      '..',
      'infrastructure',
      'persistence',
      'open-database.js',
    );
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { openDatabase } = await import(${JSON.stringify(openDatabaseJs)});
         const db = await openDatabase({ path: ${JSON.stringify(database)}, activity: 'narada history import lastfm' });
         db.sqlite.exec('BEGIN IMMEDIATE');
         process.stdout.write('holding');
         process.stdin.on('end', () => process.exit(0));
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout, 'data');
      const export2025 = join(folder, 'Streaming_History_Audio_2025.json');
      writeFileSync(export2025, exportText([aReckonerListen()]));

      const result = await runNarada(['history', 'import', 'spotify', export2025], {
        env: sqliteEnv(folder, { NARADA_DB_WAIT_SECONDS: '1' }),
      });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`narada: The database ${database} stayed busy for 1 s`);
      expect(result.stderr).toMatch(/`narada history import lastfm` \(pid \d+, since \d\d:\d\d:\d\d UTC\)/);
      expect(result.stderr).toContain('Run the command again when that one has finished.');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.stdin.end();
      await once(holder, 'exit');
    }
    const status = (await runNarada(['status', '--json'], { env: sqliteEnv(folder) })).json<Status>();
    expect(status.database.rowCounts.listening_events).toBe(0);
  });
});
