// `narada history export` as a user runs it: the built CLI on a Spotify export it imported, writing
// JSON lines to stdout, CSV to a private file, and refusing a bad range with exit 2.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anExtendedRow, exportText, spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-history-export-');
const env = cleanEnv(home.path);
afterAll(() => home.remove());

const ROWS = [
  anExtendedRow({
    ts: '2025-05-01T10:04:50Z',
    msPlayed: 290_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: spotifyTrackUri(1),
  }),
  anExtendedRow({
    ts: '2025-06-01T10:04:50Z',
    msPlayed: 290_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: spotifyTrackUri(1),
  }),
  anExtendedRow({
    ts: '2025-07-01T10:05:20Z',
    msPlayed: 320_000,
    track: 'One More Time',
    artist: 'Daft Punk',
    uri: spotifyTrackUri(2),
  }),
];

beforeAll(async () => {
  const file = join(home.path, 'Streaming_History_Audio_2025.json');
  writeFileSync(file, exportText(ROWS));
  expectSuccess(await runNarada(['history', 'import', 'spotify', file, '--user', 'dee'], { env }));
});

describe('narada history export', () => {
  it('writes JSON lines to stdout and says how many on stderr', async () => {
    const result = await runNarada(['history', 'export', '--since', '2025-05-15'], { env });
    expectSuccess(result);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.played_at, l.artist, l.title, l.user])).toEqual([
      ['2025-06-01T10:00:00.000Z', 'Radiohead', 'Reckoner', 'dee'],
      ['2025-07-01T10:00:00.000Z', 'Daft Punk', 'One More Time', 'dee'],
    ]);
    expect(result.stderr).toContain('Exported 2 listens as jsonl to stdout');
  });

  it('writes CSV to an owner-only file and reports it as JSON with --json', async () => {
    const out = join(home.path, 'listens.csv');
    const result = await runNarada(['history', 'export', '--format', 'csv', '--out', out, '--json'], { env });
    expectSuccess(result);
    expect(result.json()).toMatchObject({ format: 'csv', out, listens: 3 });
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).toEqual(['Reckoner', 'Reckoner', 'One More Time']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a range that ends before it starts: exit 2, nothing written', async () => {
    const out = join(home.path, 'never.jsonl');
    const result = await runNarada(
      ['history', 'export', '--since', '2025-07-01', '--until', '2025-01-01', '--out', out],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since (2025-07-01) must be before --until (2025-01-01)');
    expect(existsSync(out)).toBe(false);
  });
});
