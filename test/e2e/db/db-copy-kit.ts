// What the `narada db copy` end-to-end tests share: a library seeded the way a user fills one (a
// Last.fm history from the fake, a Spotify export), a copy started in the background and killed once
// its checkpoint shows it half-way, and a read of the copy's checkpoint on either engine.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { expectSuccess, NARADA_BIN, runNarada } from '../cli-harness.js';
import type { FakeServices } from '../kit.js';

export const SCROBBLES = 1_500;
export const SPOTIFY_EXPORT = fileURLToPath(
  new URL('../../fixtures/exports/Streaming_History_Audio_2025.json', import.meta.url),
);

export async function seedLibrary(
  fakes: FakeServices,
  env: Record<string, string>,
  user: string,
): Promise<void> {
  fakes.lastfm.addScrobbles(user, aScrobbleSeries(SCROBBLES, { newest: 1_717_200_000 }));
  expectSuccess(await runNarada(['history', 'import', 'lastfm', '--no-progress'], { env }));
  expectSuccess(await runNarada(['history', 'import', 'spotify', SPOTIFY_EXPORT, '--no-progress'], { env }));
}

/** What `narada db copy --json` prints. */
export interface CopySummary {
  source: string;
  target: string;
  resumed: boolean;
  tables: { table: string; rows: number }[];
  rows: number;
  ledger: { rows: number; sha256: string };
  verified: boolean;
}

export interface CopyCheckpointRow {
  readonly table: string | null;
  readonly done: readonly string[];
}

/** The unfinished copy's checkpoint in the target (null: none). */
export async function copyCheckpoint(target: {
  sqlite?: string;
  postgres?: string;
}): Promise<CopyCheckpointRow | null> {
  const sql = `SELECT "cursor" FROM "sync_checkpoints" WHERE "key" = 'narada.db-copy'`;
  let cursor: string | undefined;
  if (target.sqlite !== undefined) {
    const db = new Database(target.sqlite, { readonly: true, fileMustExist: true });
    try {
      const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sync_checkpoints'`).get();
      cursor =
        exists === undefined ? undefined : (db.prepare(sql).get() as { cursor: string } | undefined)?.cursor;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: target.postgres });
    await client.connect();
    try {
      const exists = await client.query(`SELECT to_regclass('"sync_checkpoints"') IS NOT NULL AS "e"`);
      if ((exists.rows[0] as { e: boolean }).e)
        cursor = (await client.query(sql)).rows[0]?.cursor as string | undefined;
    } finally {
      await client.end();
    }
  }
  if (cursor === undefined) return null;
  const parsed = JSON.parse(cursor) as { done: string[]; current: { table: string } | null };
  return { table: parsed.current?.table ?? null, done: parsed.done };
}

/**
 * Runs `narada db copy ...args` slowed to one page of `pageSize` rows per 150 ms, and SIGKILLs it once
 * its checkpoint in the target shows it inside the ledger (listening_events).
 */
export async function copyKilledInTheLedger(
  args: readonly string[],
  env: Record<string, string>,
  target: { sqlite?: string; postgres?: string },
): Promise<CopyCheckpointRow> {
  const child = spawn(
    process.execPath,
    [NARADA_BIN, 'db', 'copy', ...args, '--page-size', '50', '--no-progress'],
    {
      env: { ...env, NARADA_TEST_COPY_PAGE_DELAY_MS: '150' },
      cwd: tmpdir(),
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen: CopyCheckpointRow | null = null;
  try {
    for (let tries = 0; tries < 600; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await copyCheckpoint(target).catch(() => null);
      if (seen?.table === 'listening_events') break;
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  if (seen?.table !== 'listening_events')
    throw new Error('the copy never reached the ledger before being killed');
  return seen;
}
