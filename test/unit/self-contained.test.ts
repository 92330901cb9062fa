// A fresh clone must pass on its own: no code, test, bench, script or doc may reach outside the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_DIRS = ['src', 'test', 'bench', 'scripts'];
const DOC_PATHS = ['docs', 'README.md'];

function filesUnder(path: string, extensions: RegExp): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return extensions.test(full) ? [full] : [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' || entry.name === 'dist'
      ? []
      : filesUnder(join(path, entry.name), extensions),
  );
}

/** Relative paths written in string literals (imports, `new URL('../x', import.meta.url)`, joins). */
function relativePathLiterals(text: string): string[] {
  return [...text.matchAll(/['"`]((?:\.\.?\/)+[^'"`\s$]*)['"`]/g)].map((m) => m[1]!);
}

const insideRepository = (path: string): boolean => path === ROOT || path.startsWith(ROOT + sep);
const THIS_FILE = fileURLToPath(import.meta.url);
/** The team's reference folder beside the repository, and its contract file: docs must not send readers there. */
const SIBLING_MENTION = new RegExp(`\\.\\./${'shared'}\\b|INTERFACE\\.md`);

describe('the repository is self-contained', () => {
  it('no relative path in code, tests, benches or scripts leaves the repository', () => {
    const escapes = CODE_DIRS.flatMap((dir) => filesUnder(dir, /\.(ts|tsx|js|mjs|cjs)$/))
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) =>
        relativePathLiterals(readFileSync(file, 'utf8'))
          .filter((literal) => !insideRepository(resolve(dirname(file), literal)))
          .map((literal) => `${relative(ROOT, file)}: ${literal}`),
      );
    expect(escapes).toEqual([]);
  });

  it('the docs send readers to nothing beside the repository', () => {
    const mentions = DOC_PATHS.flatMap((path) => filesUnder(path, /\.md$/)).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          SIBLING_MENTION.test(line) ? [`${relative(ROOT, file)}:${index + 1}`] : [],
        ),
    );
    expect(mentions).toEqual([]);
  });

  it('the path check sees an escape when there is one', () => {
    const file = join(ROOT, 'test/unit/example.ts');
    const outside = relativePathLiterals(`new URL('../../../elsewhere/fixtures/x.json', import.meta.url)`);
    expect(outside.map((literal) => insideRepository(resolve(dirname(file), literal)))).toEqual([false]);
  });
});
