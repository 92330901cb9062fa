// Taking SQLite's write lock for a transaction, waiting for another process that holds it. SQLite's
// busy handler blocks the thread, so it waits in short slices and the event loop runs between them
// (progress, Ctrl-C); past the bound the command fails with who holds the lock, instead of SQLITE_BUSY.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { NaradaError } from '../../domain/shared/errors.js';
import type { DatabaseActivity } from './database-activity.js';

/** SQLite's own wait per attempt (the `busy_timeout` pragma). */
export const BUSY_SLICE_MS = 250;
/** How long a command waits for another process's writes before giving up. */
export const DEFAULT_LOCK_WAIT_MS = 60_000;
const PAUSE_MS = 25;

export interface WriteLockOptions {
  readonly path: string;
  readonly waitMs: number;
  /** Who else has the database open, read only when the wait has run out. */
  readonly others: () => readonly DatabaseActivity[];
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, ...). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** `BEGIN IMMEDIATE` (or `EXCLUSIVE`), retried while another connection writes, up to `waitMs` in all. */
export async function beginWrite(
  sqlite: Database.Database,
  options: WriteLockOptions,
  mode: 'IMMEDIATE' | 'EXCLUSIVE' = 'IMMEDIATE',
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      sqlite.exec(`BEGIN ${mode}`);
      return;
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= options.waitMs) throw databaseBusy(options, waited, error);
      await sleep(PAUSE_MS);
    }
  }
}

function databaseBusy(options: WriteLockOptions, waited: number, cause: unknown): NaradaError {
  const others = options.others();
  const who =
    others.length === 0
      ? 'another program holds its write lock (a Narada process of another user, or a sqlite3 shell)'
      : `another Narada process is writing to it: ${others.map(describe).join('; ')}`;
  return new NaradaError(
    'DATABASE.BUSY',
    `The database ${options.path} stayed busy for ${Math.round(waited / 1000)} s: ${who}. ` +
      'Run the command again when that one has finished.',
    'failure',
    { cause, retryable: true, details: { path: options.path, waitedMs: waited, others } },
  );
}

function describe(other: DatabaseActivity): string {
  const since = new Date(other.since).toISOString().slice(11, 19);
  return `\`${other.activity}\` (pid ${other.pid}, since ${since} UTC)`;
}
