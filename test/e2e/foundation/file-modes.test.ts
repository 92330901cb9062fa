// Narada's files hold a person's history and tokens: every file it writes is readable by its owner
// only, under a permissive umask, in a data folder that already existed, and also when an older
// file was looser.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { fakeServiceEnv, seedDemoLibrary } from '../../fakes/seed/demo-library.js';
import { runNarada, sqliteEnv, tempDir, type CliResult } from '../cli-harness.js';
import { startWorld, type E2eWorld } from '../workflow/workflow-e2e-kit.js';

let world: E2eWorld;
const outputs = tempDir('narada-e2e-outputs-');
let umaskBefore: number;
const afterTest: Array<() => void> = [];

beforeAll(async () => {
  // Children inherit it: files a program creates without an explicit mode become 0644.
  umaskBefore = process.umask(0o022);
  world = await startWorld();
});
afterEach(() => {
  for (const step of afterTest.splice(0)) step();
});
afterAll(async () => {
  process.umask(umaskBefore);
  await world.close();
  outputs.remove();
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

function expectSuccess(result: CliResult): void {
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 0,
    stderr: expect.not.stringContaining('narada:'),
  });
}

describe('SQLite: the files narada writes', () => {
  it('are mode 0600 in an existing data folder: database, logs, backups and charts', async () => {
    const home = join(world.home, 'existing');
    mkdirSync(home, { mode: 0o755 });
    writeFileSync(join(home, '.env'), '# an existing data folder\n', { mode: 0o644 });
    const env = sqliteEnv(home, fakeServiceEnv(world.spotify, world.lastfm));
    const library = seedDemoLibrary(world.spotify, world.lastfm);
    world.lastfm.addScrobbles('demo-listener', aScrobbleSeries(20, { newest: 1_717_200_000 }));
    const svg = join(outputs.path, 'eras.svg');
    const html = join(outputs.path, 'eras.html');
    writeFileSync(html, 'an older page', { mode: 0o644 });

    expectSuccess(await runNarada(['status', '--json'], { env }));
    // SQLite removes the -wal and -shm files when the last connection closes: a reader held open
    // here keeps those that the commands below write into.
    const reader = new Database(join(home, 'narada.db'));
    afterTest.push(() => reader.close());
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    expectSuccess(await runNarada(['history', 'import', 'lastfm', '--json'], { env }));
    expectSuccess(await runNarada(['playlist', 'backup', library.playlistId, '--json'], { env }));
    expectSuccess(
      await runNarada(['stats', 'eras', '--year', '2024', '--svg', svg, '--html', html, '--json'], { env }),
    );

    const written = filesUnder(home).filter((file) => !file.endsWith('.env'));
    expect(written.map((file) => file.slice(home.length + 1))).toEqual(
      expect.arrayContaining([
        'narada.db',
        'narada.db-wal',
        'narada.db-shm',
        expect.stringMatching(/^backups\//),
      ]),
    );
    expect(written.some((file) => file.includes('logs/'))).toBe(true);
    expect(Object.fromEntries([...written, svg, html].map((file) => [file, modeOf(file)]))).toEqual(
      Object.fromEntries([...written, svg, html].map((file) => [file, '600'])),
    );
  });

  it('narrows the database and the log file when older ones were readable by others', async () => {
    const home = join(world.home, 'loose');
    const env = sqliteEnv(home);
    expectSuccess(await runNarada(['status', '--json'], { env }));
    const loosened = filesUnder(home);
    for (const file of loosened) chmodSync(file, 0o644);

    expectSuccess(await runNarada(['status', '--json'], { env }));

    expect(loosened.length).toBeGreaterThan(0);
    expect(Object.fromEntries(loosened.map((file) => [file, modeOf(file)]))).toEqual(
      Object.fromEntries(loosened.map((file) => [file, '600'])),
    );
  });
});
