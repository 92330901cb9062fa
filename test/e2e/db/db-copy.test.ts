// `narada db copy` between two SQLite files, as a user runs it: every table copied and verified, a
// non-empty target refused without --replace, and a copy killed half-way through the ledger finished
// by running the same command again. (db-copy.postgres.test.ts moves a library into PostgreSQL and back.)
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { expectSuccess, runNarada, tempDir } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';
import {
  copyCheckpoint,
  copyKilledInTheLedger,
  type CopySummary,
  SCROBBLES,
  seedLibrary,
} from './db-copy-kit.js';

const fakes = useFakeServices({ lastfm: {}, homePrefix: 'narada-e2e-copy-' });

describe('SQLite: narada db copy between two files', () => {
  it('copies every table, refuses a target with data, and finishes a copy killed half-way', async () => {
    const sourceFile = join(fakes.home, 'narada.db');
    const env = fakes.envFor(fakes.home, { LASTFM_USERNAME: 'cy', DATABASE_URL: `sqlite:${sourceFile}` });
    await seedLibrary(fakes, env, 'cy');
    const other = tempDir('narada-e2e-copy-target-');
    try {
      const targetFile = join(other.path, 'copy.db');
      const copied = await runNarada(
        ['db', 'copy', '--to', `sqlite:${targetFile}`, '--json', '--no-progress'],
        { env },
      );
      expectSuccess(copied);
      const summary = copied.json<CopySummary>();
      expect(summary).toMatchObject({
        source: sourceFile,
        target: targetFile,
        resumed: false,
        verified: true,
      });
      const rows = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
      expect(rows['listening_events']).toBeGreaterThanOrEqual(SCROBBLES);
      expect(rows['plays']).toBe(rows['listening_events']);
      expect(rows['tracks']).toBeGreaterThan(0);
      expect(summary.ledger.rows).toBe(rows['listening_events']);
      // Parents before children: the ledger after its import runs, plays after the ledger and tracks.
      const order = summary.tables.map((t) => t.table);
      // Parents first, by the keys the database checks.
      expect(order.indexOf('tracks')).toBeLessThan(order.indexOf('plays'));
      expect(order.indexOf('plays')).toBeLessThan(order.indexOf('listen_links'));
      expect(order.indexOf('tracks')).toBeLessThan(order.indexOf('track_mappings'));
      expect(order).not.toContain('migrations');

      // The copy is the same library: what `status` counts on it is what it counts on the source.
      const counts = async (database: string) =>
        (
          await runNarada(['status', '--json'], { env: { ...env, DATABASE_URL: `sqlite:${database}` } })
        ).json<{
          database: { rowCounts: Record<string, number> };
        }>().database.rowCounts;
      expect(await counts(targetFile)).toEqual(await counts(sourceFile));

      const refused = await runNarada(['db', 'copy', '--to', `sqlite:${targetFile}`, '--no-progress'], {
        env,
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(targetFile);
      expect(refused.stderr).toContain('--replace');

      // Killed inside the ledger, then run again with --replace: the rerun continues the same copy.
      const killed = await copyKilledInTheLedger(['--to', `sqlite:${targetFile}`, '--replace'], env, {
        sqlite: targetFile,
      });
      expect(killed.done).toContain('import_runs');
      const resumed = await runNarada(
        ['db', 'copy', '--to', `sqlite:${targetFile}`, '--json', '--no-progress'],
        {
          env,
        },
      );
      expectSuccess(resumed);
      const finished = resumed.json<CopySummary>();
      expect(finished).toMatchObject({ resumed: true, verified: true, rows: summary.rows });
      expect(finished.ledger.sha256).toBe(summary.ledger.sha256);
      expect(await copyCheckpoint({ sqlite: targetFile })).toBeNull();
      expect(await counts(targetFile)).toEqual(await counts(sourceFile));

      const lines = await runNarada(
        ['db', 'copy', '--to', `sqlite:${targetFile}`, '--replace', '--no-progress'],
        {
          env,
        },
      );
      expectSuccess(lines);
      expect(lines.stdout).toContain(
        `verified: ${summary.tables.length} tables, ${summary.rows} rows, ledger checksum ${summary.ledger.sha256.slice(0, 16)}`,
      );
    } finally {
      other.remove();
    }
  }, 240_000);
});
