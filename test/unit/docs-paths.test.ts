// The docs send a newcomer to files by name: every repository path they quote must exist, so a move
// or a rename that forgets the docs fails here instead of misleading the next reader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((path) =>
  path.endsWith('.md'),
);
/** Written by a run (npm run bench), not kept in the repository. */
const GENERATED = /^bench\/results\//;

/** Paths in backticks that start at a top-level folder; patterns and elisions are not paths. */
function quotedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`((?:src|test|bench|scripts|workflows|docs)\/[^`\s]*)`/g)]
    .map((match) => match[1]!.replace(/[),.:;]+$/, ''))
    .filter((path) => !/[*{}<>…]/.test(path) && !GENERATED.test(path));
}

describe('paths quoted in the docs', () => {
  it('finds the quoted paths and leaves patterns out', () => {
    expect(quotedPaths('see `src/a/b.ts`, `test/x/` and `src/*.ts` or `src/use-cases/…`')).toEqual([
      'src/a/b.ts',
      'test/x/',
    ]);
  });

  it('every path a doc quotes exists in the repository', () => {
    const missing = DOCS.flatMap((doc) =>
      quotedPaths(readFileSync(join(ROOT, doc), 'utf8'))
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `${doc}: ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
