// A narada.db with damaged pages, as a disk fault or a copy cut short leaves it: `narada status` says
// so and how to recover, commands that write refuse with that message, and a recovered file works.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { copyFileSync, openSync, closeSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aReckonerListen, exportText } from '../../fixtures/history/spotify-export-rows.js';
import { runNarada, sqliteEnv, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-damaged-');
const env = sqliteEnv(home.path);
const database = join(home.path, 'narada.db');
const saved = join(home.path, 'saved-copy.db');
const exportFile = join(home.path, 'Streaming_History_Audio_2025.json');

interface Integrity {
  state: string;
  problems: string[];
  recovery: string | null;
}

beforeAll(async () => {
  expect((await runNarada(['status', '--json'], { env })).code).toBe(0);
  // A few megabytes of ledger, so the middle of the file is table and index pages.
  const sqlite = new Database(database);
  sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
    INSERT INTO listening_events ("user", source, played_at, track_key, ms_played, payload)
    SELECT 'ann', 'lastfm', 1700000000000 + i * 60000, 'artist ' || (i % 500) || ' title ' || i, 200000,
      '{"name":"a scrobble payload of some length, as Last.fm sends it"}' FROM n`);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  copyFileSync(database, saved);
  writeFileSync(exportFile, exportText([aReckonerListen()]));
  damageMiddlePages(database);
});
afterAll(() => home.remove());

/** Overwrites 64 KiB in the middle of the file with a pattern no page holds. */
function damageMiddlePages(file: string): void {
  const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(65_536, 0xa5), 0, 65_536, middle);
  } finally {
    closeSync(fd);
  }
}

describe('SQLite: a database file with damaged pages', () => {
  it('is reported by `narada status`, naming the file and how to recover it', async () => {
    const json = await runNarada(['status', '--json'], { env });
    expect(json.code).toBe(0);
    const integrity = json.json<{ database: { integrity: Integrity } }>().database.integrity;
    expect(integrity.state).toBe('damaged');
    expect(integrity.problems.length).toBeGreaterThan(0);
    expect(integrity.recovery).toContain(`sqlite3 ${database} ".recover"`);

    const human = await runNarada(['status'], { env });
    expect(human.stdout).toContain('Integrity:    DAMAGED');
    expect(human.stdout).toContain(`The database ${database} is damaged`);
  });

  it('makes a command that writes refuse with that message, exit 1 and no stack trace', async () => {
    const result = await runNarada(['history', 'import', 'spotify', exportFile], { env });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`narada: The database ${database} is damaged`);
    expect(result.stderr).toContain('then run `narada status` to check it again.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('works again once the file is replaced by a sound copy and `narada status` has checked it', async () => {
    copyFileSync(saved, database);
    const status = await runNarada(['status', '--json'], { env });
    expect(status.json<{ database: { integrity: Integrity } }>().database.integrity).toEqual({
      state: 'ok',
      problems: [],
      recovery: null,
    });

    const result = await runNarada(['history', 'import', 'spotify', exportFile], { env });
    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
  });

  it('refuses a file that is not a database at all, with the same message', async () => {
    writeFileSync(database, Buffer.alloc(100_000, 0x5a));
    const result = await runNarada(['status', '--json'], { env });

    expect(result.code).toBe(1);
    expect(result.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'DATABASE.DAMAGED',
      message: expect.stringContaining(`The database ${database} is damaged (file is not a database)`),
    });
  });
});
