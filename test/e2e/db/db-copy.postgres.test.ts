// `narada db copy` into PostgreSQL and back, as a user runs it: a SQLite library copied into a fresh
// PostgreSQL database (its URL carrying a password, which shows up nowhere), killed half-way through
// the ledger and finished by the same command, then copied back into a new SQLite file: every table
// and the ledger's checksum the same, and the PostgreSQL ids going on after the copied ones.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { expectSuccess, runNarada, tempDir } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';
import { TEST_DATABASE_URL } from '../../integration/persistence/postgres-test-database.js';
import { copyCheckpoint, copyKilledInTheLedger, type CopySummary, seedLibrary } from './db-copy-kit.js';

const PASSWORD = 'pw-sekrit-42';
const fakes = useFakeServices({ lastfm: {}, homePrefix: 'narada-e2e-copy-pg-' });
const server = TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `narada_copy_${randomBytes(5).toString('hex')}`;
/** The scratch database's URL with a password (trust authentication accepts and ignores it). */
const target = (() => {
  const url = new URL(server);
  url.password = PASSWORD;
  url.pathname = `/${name}`;
  return url.toString();
})();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => admin(`CREATE DATABASE "${name}"`));
afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('narada db copy between SQLite and PostgreSQL', () => {
  it('moves a library into PostgreSQL (resumed after a kill) and back, verified, the password shown nowhere', async () => {
    const sourceFile = join(fakes.home, 'narada.db');
    const env = fakes.envFor(fakes.home, { LASTFM_USERNAME: 'pat', DATABASE_URL: `sqlite:${sourceFile}` });
    await seedLibrary(fakes, env, 'pat');
    const display = `postgres://${new URL(server).username}@${new URL(server).hostname}:${new URL(server).port || '5432'}/${name}`;

    const killed = await copyKilledInTheLedger(['--to', target], env, { postgres: target });
    expect(killed.done).toContain('tracks');
    const anotherEnv = { ...env, DATABASE_URL: `sqlite:${join(fakes.home, 'another.db')}` };
    expectSuccess(await runNarada(['db', 'migrate'], { env: anotherEnv }));
    const refusedOther = await runNarada(['db', 'copy', '--to', target, '--no-progress'], {
      env: anotherEnv,
    });
    // Another source does not continue this copy: the target holds data.
    expect(refusedOther.code).toBe(2);
    expect(refusedOther.stderr).toContain(display);
    expect(refusedOther.stderr).toContain('--replace');

    const resumed = await runNarada(['db', 'copy', '--to', target, '--json'], { env });
    expectSuccess(resumed);
    const into = resumed.json<CopySummary>();
    expect(into).toMatchObject({ source: sourceFile, target: display, resumed: true });
    expect(await copyCheckpoint({ postgres: target })).toBeNull();

    // PostgreSQL now serves the library: the same counts, and new rows get ids after the copied ones.
    const pgEnv = { ...env, DATABASE_URL: target };
    const sqliteStatus = (await runNarada(['status', '--json'], { env })).json<{
      database: { rowCounts: Record<string, number> };
    }>();
    const pgStatus = await runNarada(['status', '--json'], { env: pgEnv });
    expectSuccess(pgStatus);
    expect(pgStatus.json<typeof sqliteStatus>().database.rowCounts).toEqual(sqliteStatus.database.rowCounts);
    const maxRun = into.tables.find((t) => t.table === 'import_runs')!.rows;
    const again = await runNarada(['history', 'import', 'lastfm', '--json', '--no-progress'], { env: pgEnv });
    expectSuccess(again);
    expect(again.json<{ runs: { id: number }[] }>().runs[0]!.id).toBe(maxRun + 1);

    // And back into a new SQLite file: every table and the ledger byte for byte.
    const back = tempDir('narada-e2e-copy-back-');
    try {
      const backFile = join(back.path, 'back.db');
      const returned = await runNarada(['db', 'copy', '--from', target, '--json', '--no-progress'], {
        env: { ...env, DATABASE_URL: `sqlite:${backFile}` },
      });
      expectSuccess(returned);
      const home = returned.json<CopySummary>();
      expect(home).toMatchObject({ source: display, target: backFile, resumed: false });
      expect(home.ledger).toEqual(into.ledger);
      const rows = (summary: CopySummary) => Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
      expect({ ...rows(home), import_runs: 0, sync_checkpoints: 0 }).toEqual({
        ...rows(into),
        import_runs: 0,
        sync_checkpoints: 0,
      });
    } finally {
      back.remove();
    }

    // A copy into a target that holds data, refused; the message names it without its password.
    const refused = await runNarada(['db', 'copy', '--to', target, '--json'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(display);
    const seen = [
      resumed.stdout,
      resumed.stderr,
      refused.stdout,
      refused.stderr,
      pgStatus.stdout,
      again.stderr,
    ];
    const logs = readdirSync(join(fakes.home, 'logs')).map((f) =>
      readFileSync(join(fakes.home, 'logs', f), 'utf8'),
    );
    for (const text of [...seen, ...logs]) expect(text).not.toContain(PASSWORD);
  }, 300_000);

  it('names the database without its password when it cannot connect', async () => {
    const env = fakes.envFor(fakes.home, { DATABASE_URL: `sqlite:${join(fakes.home, 'narada.db')}` });
    const nowhere = `postgres://someone:${PASSWORD}@127.0.0.1:1/nothing`;
    const failed = await runNarada(['db', 'copy', '--to', nowhere, '--json'], { env });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('postgres://someone@127.0.0.1:1/nothing');
    expect(failed.stdout + failed.stderr).not.toContain(PASSWORD);
  });
});
