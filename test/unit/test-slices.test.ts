// `npm run test:unit | test:integration | test:e2e | test:browser` run the suite in slices: every test file must sit
// in exactly one of them, or it would silently run in none (or twice) when the slices are run apart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SLICES = ['test:unit', 'test:integration', 'test:e2e', 'test:browser'] as const;

/** The folders a slice's script hands to jest: the arguments after jest.js that are not options. */
function sliceFolders(script: string): string[] {
  const afterJest = script.split('node_modules/jest/bin/jest.js')[1];
  if (afterJest === undefined) throw new Error(`not a jest run: ${script}`);
  return afterJest
    .trim()
    .split(/\s+/)
    .filter((arg) => arg !== '' && !arg.startsWith('-'));
}

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the test slices', () => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it('each slice script runs jest on folders of its own', () => {
    for (const slice of SLICES) expect(sliceFolders(scripts[slice] ?? '').length).toBeGreaterThan(0);
  });

  it('puts every test file in exactly one slice', () => {
    const folders = SLICES.map((slice) => ({ slice, folders: sliceFolders(scripts[slice] ?? '') }));
    const misplaced = testFiles('test').flatMap((file) => {
      const slices = folders
        .filter(({ folders: dirs }) => dirs.some((dir) => !relative(dir, file).startsWith('..')))
        .map(({ slice }) => slice);
      return slices.length === 1 ? [] : [`${file}: ${slices.length === 0 ? 'no slice' : slices.join(', ')}`];
    });
    expect(misplaced).toEqual([]);
  });
});
