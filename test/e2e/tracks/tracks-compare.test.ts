import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir();
afterAll(() => home.remove());

function pairsFile(name: string, lines: readonly string[]): string {
  const path = join(home.path, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const SAME = JSON.stringify({
  id: 'same',
  a: { artist: 'Queen', title: 'Bohemian Rhapsody - Remastered 2011', duration_ms: 355000 },
  b: { artists: ['Queen'], title: 'Bohemian Rhapsody', album: 'A Night at the Opera', duration_ms: 354000 },
});
const LIVE = JSON.stringify({
  id: 'live',
  a: { artist: 'Queen', title: 'Bohemian Rhapsody' },
  b: { artist: 'Queen', title: 'Bohemian Rhapsody - Live at Wembley' },
});
const SHARED_ISRC = JSON.stringify({
  id: 7,
  a: { artist: 'Massive Attack', title: 'Teardrop', isrc: 'GBAAA9800001' },
  b: { artist: 'Massive Attack', title: 'ティアドロップ', isrc: 'GBAAA9800001' },
});

describe('narada tracks compare', () => {
  it('writes one JSON line per pair, in order, with the auto-accept decision and the evidence', async () => {
    const file = pairsFile('pairs.jsonl', [SAME, '', LIVE, SHARED_ISRC]);

    const result = await runNarada(['tracks', 'compare', file], { env: cleanEnv(home.path) });

    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l['id'], l['same']])).toEqual([
      ['same', true],
      ['live', false],
      ['7', true],
    ]);
    expect(lines[2]).toMatchObject({ method: 'isrc' });
    for (const line of lines) {
      expect(line['confidence']).toEqual(expect.any(Number));
      expect(line['evidence']).toMatchObject({ factors: expect.any(Array), notes: expect.any(Array) });
    }
  });

  it('stops at a bad line with exit 2, naming the file and the line, after writing the good ones', async () => {
    const file = pairsFile('broken.jsonl', [
      SAME,
      JSON.stringify({ id: 'x', a: { title: 'No Artist' }, b: { artist: 'A', title: 'B' } }),
    ]);

    const result = await runNarada(['tracks', 'compare', file], { env: cleanEnv(home.path) });

    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('broken.jsonl: Line 2');
    expect(result.stderr).toContain('a.artist');
  });

  it('says which file it cannot read', async () => {
    const result = await runNarada(['tracks', 'compare', join(home.path, 'missing.jsonl')], {
      env: cleanEnv(home.path),
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.jsonl');
  });

  it('gives one JSON document with --json', async () => {
    const file = pairsFile('json.jsonl', [SAME, LIVE]);

    const result = await runNarada(['tracks', 'compare', file, '--json'], { env: cleanEnv(home.path) });

    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ pairs: 2, results: [{ id: 'same' }, { id: 'live' }] });
  });
});
