// `narada history import file` as a user runs it: the built CLI on a Last.fm CSV and a ListenBrainz
// export zip holding the same listens (counted once by `stats top`), a re-import adding nothing, and
// files it cannot read refused with exit 2 and nothing written.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip } from '../../fixtures/history/zip-writer.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';
import { onPostgres } from '../../integration/persistence/postgres-test-database.js';

const LB = join(process.cwd(), 'test/fixtures/exports/listenbrainz-export-zip');
const JUNE = readFileSync(join(LB, 'listens/2025/6.jsonl'), 'utf8');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The fixture's June listens as lastfm-to-csv exports them: no header, times cut to the minute. */
const CSV = JUNE.trim()
  .split('\n')
  .map((line) => {
    const { listened_at: at, track_metadata: m } = JSON.parse(line) as {
      listened_at: number;
      track_metadata: { artist_name: string; track_name: string; release_name: string };
    };
    const d = new Date(at * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    const date = `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    return [m.artist_name, m.release_name, m.track_name, date].join(',');
  })
  .join('\n');

const files = tempDir('narada-e2e-import-file-');
const home = tempDir('narada-e2e-import-file-home-');
afterAll(() => [files, home].forEach((dir) => dir.remove()));
const env = cleanEnv(home.path);

const csvPath = join(files.path, 'scrobbles.csv');
const zipPath = join(files.path, 'listenbrainz_shoko1.zip');
writeFileSync(csvPath, `${CSV}\n`);
writeFileSync(
  zipPath,
  buildZip([
    { name: 'user.json', data: readFileSync(join(LB, 'user.json')) },
    { name: 'listens/2025/6.jsonl', data: JUNE },
  ]),
);

describe('narada history import file', () => {
  it('imports a Last.fm CSV and a ListenBrainz zip of the same listens, which stats top counts once', async () => {
    const imported = await runNarada(['history', 'import', 'file', csvPath, zipPath, '--user', 'ana'], {
      env,
    });
    expectSuccess(imported);
    expect(imported.stdout).toContain(
      `${csvPath}: Last.fm CSV, lastfm-to-csv (artist,album,track,date), for ana: 5 rows, 5 new`,
    );
    expect(imported.stdout).toContain('ListenBrainz export of shoko1');
    expect(imported.stdout).toContain('(5 of them already held from another source: counted once)');

    const top = await runNarada(['stats', 'top', '--year', '2025', '--json'], { env });
    expectSuccess(top);
    const result = top.json<{ totalListens: number; tracks: unknown[] }>();
    expect(result.totalListens).toBe(5);
    expect(result.tracks).toHaveLength(5);
  });

  it('adds nothing when the same files are imported again', async () => {
    const again = await runNarada(
      ['history', 'import', 'file', zipPath, csvPath, '--user', 'ana', '--json'],
      { env },
    );
    expectSuccess(again);
    expect(again.json()).toMatchObject({ rows: 10, new: 0, alreadyPresent: 10, sameAsOtherSource: 0 });
    const top = await runNarada(['stats', 'top', '--year', '2025', '--json'], { env });
    expect(top.json()).toMatchObject({ totalListens: 5 });
  });

  it('--dry-run reads every file and counts what is new, leaving the database byte for byte as it was', async () => {
    const more = join(files.path, 'more.csv');
    writeFileSync(more, `${CSV}\nBlur,Parklife,Girls & Boys,01 Mar 2024 10:00\n`);
    // SQLite: the file byte for byte; PostgreSQL: every table's row count (there is no file).
    const dbFile = join(home.path, 'narada.db');
    const snapshot = async () =>
      onPostgres
        ? JSON.stringify(
            (await runNarada(['status', '--json'], { env })).json<{ database: { rowCounts: unknown } }>()
              .database.rowCounts,
          )
        : readFileSync(dbFile).toString('base64');
    const before = await snapshot();
    const dry = await runNarada(
      ['history', 'import', 'file', more, zipPath, '--user', 'ana', '--dry-run', '--json'],
      { env },
    );
    expectSuccess(dry);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      rows: 11,
      new: 1,
      alreadyPresent: 10,
      files: [
        { path: more, status: 'would_import', rows: 6, new: 1, alreadyPresent: 5 },
        { status: 'would_import', rows: 5, new: 0, alreadyPresent: 5 },
      ],
    });
    expect(await snapshot()).toBe(before);
    const lines = await runNarada(['history', 'import', 'file', more, '--user', 'ana', '--dry-run'], {
      env,
    });
    expectSuccess(lines);
    expect(lines.stdout).toContain('History files (dry run: nothing written): 6 rows in 1 file(s)');
    expect(lines.stdout).toContain('would be new:     1');
    expect(await snapshot()).toBe(before);
  });

  it('--dry-run refuses a malformed line like an import does', async () => {
    const bad = join(files.path, 'bad-dry.csv');
    writeFileSync(bad, `${CSV}\nBlur,Parklife,Girls & Boys,31 Feb 2021 10:00\n`);
    const refused = await runNarada(['history', 'import', 'file', bad, '--dry-run'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad} cannot be read (line 6)`);
  });

  it('refuses an unrecognised file with exit 2, naming it, and writes nothing', async () => {
    const fresh = tempDir('narada-e2e-import-file-fresh-');
    try {
      const other = join(files.path, 'notes.txt');
      writeFileSync(other, 'not a history at all\n');
      const refused = await runNarada(['history', 'import', 'file', csvPath, other], {
        env: cleanEnv(fresh.path),
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${other} is not a listening history Narada can read`);
      const top = await runNarada(['stats', 'top', '--year', '2025', '--json'], {
        env: cleanEnv(fresh.path),
      });
      expect(top.json()).toMatchObject({ totalListens: 0 });
    } finally {
      fresh.remove();
    }
  });

  it('refuses a CSV with a malformed line with exit 2, naming the file and the line', async () => {
    const bad = join(files.path, 'bad.csv');
    writeFileSync(bad, `${CSV}\nBlur,Parklife,Girls & Boys,31 Feb 2021 10:00\n`);
    const refused = await runNarada(['history', 'import', 'file', bad], { env: cleanEnv(home.path) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad} cannot be read (line 6): "31 Feb 2021 10:00" is not a time`);
  });
});
