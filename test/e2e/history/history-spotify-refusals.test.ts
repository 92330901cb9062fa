// `narada history import spotify` refusing what it cannot import, as a user meets it: the built CLI
// on zip bombs (with its peak memory measured), zips without history, rows no listen can have and
// files that are not a JSON list; and a row that is not UTF-8 kept byte for byte.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportRowBytes } from '../../../src/infrastructure/importers/export-row-text.js';
import { anExtendedRow, exportText } from '../../fixtures/history/spotify-export-rows.js';
import { buildZip, writeZipBomb } from '../../fixtures/history/zip-writer.js';
import { cleanEnv, openHomeDatabase, runNarada, tempDir, type CliResult } from '../cli-harness.js';

const files = tempDir('narada-e2e-spotify-refusals-');
const homes: { remove(): void }[] = [];
afterAll(() => [files, ...homes].forEach((dir) => dir.remove()));

/** A preload that writes the process's peak resident memory (KiB) to $MAX_RSS_FILE as it exits. */
const PRELOAD = join(files.path, 'report-max-rss.mjs');
writeFileSync(
  PRELOAD,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);
const MB = 1_000_000;

/** Runs `narada history import spotify <paths>` in a fresh home; `maxRssBytes` is its peak memory. */
async function importSpotify(...paths: string[]): Promise<CliResult & { home: string; maxRssBytes: number }> {
  const home = tempDir('narada-e2e-spotify-refusals-home-');
  homes.push(home);
  const rssFile = join(home.path, 'max-rss');
  const env = cleanEnv(home.path, {
    NODE_OPTIONS: `--import=${pathToFileURL(PRELOAD).href}`,
    MAX_RSS_FILE: rssFile,
  });
  const result = await runNarada(['history', 'import', 'spotify', ...paths], { env, timeoutMs: 120_000 });
  const maxRssBytes = Number(readFileSync(rssFile, 'utf8')) * 1024;
  return { ...result, home: home.path, maxRssBytes };
}

async function rowCounts(home: string): Promise<Record<string, number>> {
  const status = await runNarada(['status', '--json'], { env: cleanEnv(home) });
  return status.json<{ database: { rowCounts: Record<string, number> } }>().database.rowCounts;
}

function file(name: string, content: string | Buffer): string {
  const path = join(files.path, name);
  writeFileSync(path, content);
  return path;
}

const ENTRY = 'Spotify Extended Streaming History/Streaming_History_Audio_2025.json';

describe('narada history import spotify refuses what it cannot import', () => {
  it('refuses a zip bomb before inflating it: exit 2 naming the zip, the entry and the limit, in little memory', async () => {
    const zip = join(files.path, 'bomb.zip');
    // 512 MiB of one row that never ends: a reader that inflated it would hold all of it.
    const onDisk = await writeZipBomb(zip, {
      name: ENTRY,
      head: '[{"ts":"',
      fill: 0x61,
      fillBytes: 512 << 20,
    });
    expect(onDisk).toBeLessThan(1 * MB);

    const result = await importSpotify(zip);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `narada: ${zip} › ${ENTRY} cannot be read (byte 0): ${ENTRY} would inflate to 512 MiB, more than the 256 MiB Narada reads from one zip entry; nothing of it was inflated.`,
    );
    expect(result.maxRssBytes).toBeLessThan(300 * MB);
    expect(await rowCounts(result.home)).toMatchObject({ listening_events: 0, import_runs: 1 });
  }, 180_000);

  it('stops inflating a zip bomb whose directory lies about its size', async () => {
    const zip = join(files.path, 'lying-bomb.zip');
    await writeZipBomb(zip, {
      name: ENTRY,
      head: '[{"ts":"',
      fill: 0x61,
      fillBytes: 512 << 20,
      declaredSize: 1000,
    });

    const result = await importSpotify(zip);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${zip} › ${ENTRY} cannot be read (byte 0): ${ENTRY} inflates to more than the 1000 bytes the zip's directory declares; Narada stopped reading it there`,
    );
    expect(result.maxRssBytes).toBeLessThan(300 * MB);
  }, 180_000);

  it('refuses a zip without history and an empty zip, saying what it looked at and expected, writing nothing', async () => {
    const zip = file(
      'my.zip',
      buildZip([
        { name: 'a.json', data: '[]' },
        { name: 'b.txt', data: 'hello' },
        { name: 'Userdata.json', data: '{}' },
      ]),
    );
    const result = await importSpotify(zip);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `narada: ${zip}: looked at 3 file(s) (a.json, b.txt, Userdata.json), none of them streaming history; expected StreamingHistory*.json (account data) or Streaming_History_Audio_*.json`,
    );
    expect(await rowCounts(result.home)).toMatchObject({ listening_events: 0, import_runs: 0 });

    const empty = file('empty.zip', buildZip([]));
    const emptyResult = await importSpotify(empty);
    expect(emptyResult.code).toBe(2);
    expect(emptyResult.stderr).toContain(
      `narada: ${empty}: the zip is empty; expected StreamingHistory*.json`,
    );
  });

  it('refuses a row played for 1e300 ms with exit 2, naming the file and row, not as an unexpected error', async () => {
    const rows = [
      anExtendedRow({ ts: '2025-03-01T10:00:00Z', msPlayed: 200_000 }),
      anExtendedRow({ ts: '2025-03-01T10:05:00Z', msPlayed: 1e300 }),
    ];
    const path = file('Streaming_History_Audio_2025_1.json', exportText(rows));

    const result = await importSpotify(path);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `narada: ${path.replace(/[.]/g, '\\.')} cannot be read \\(row 2, byte \\d+\\): "ms_played" is 1e\\+300 ms`,
      ),
    );
    expect(result.stderr).not.toContain('unexpected');
    expect(await rowCounts(result.home)).toMatchObject({ listening_events: 0 });
  });

  it('refuses a file that is not JSON, naming the file and byte', async () => {
    const path = file(
      'Streaming_History_Audio_2025_2.json',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
    );
    const result = await importSpotify(path);
    expect(result.code).toBe(2);
    // One line, and no count of other files when there were none.
    expect(result.stderr).toContain(
      `narada: ${path} cannot be read (byte 0): expected "[" to open the list of rows. Nothing was imported from it; download the export again or remove that file, then run the import again.\n`,
    );
  });

  it('keeps a row with a Latin-1 byte in its track name byte for byte in the ledger', async () => {
    const [before, after] = exportText([
      anExtendedRow({ ts: '2025-03-01T10:00:00Z', msPlayed: 200_000, track: '@' }),
    ]).split('"@"');
    const bytes = Buffer.concat([
      Buffer.from(before!),
      Buffer.from([0x22, 0x43, 0x61, 0x66, 0xe9, 0x22]),
      Buffer.from(after!),
    ]);
    const path = file('Streaming_History_Audio_2025_3.json', bytes);

    const result = await importSpotify(path);

    expect(result.code).toBe(0);
    const db = await openHomeDatabase(result.home);
    try {
      const { payload } = (await db.sql.one<{ payload: string }>(
        'SELECT "payload" FROM "listening_events"',
      ))!;
      const row = bytes.subarray(bytes.indexOf('{'), bytes.lastIndexOf('}') + 1);
      expect(exportRowBytes(payload).equals(row)).toBe(true);
      expect(await db.sql.one('SELECT "title" FROM "tracks"')).toEqual({ title: 'Café' });
    } finally {
      await db.close();
    }
  });
});
