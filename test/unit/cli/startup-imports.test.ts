// The CLI's lazy-import rule, checked on the source: what `narada --help` loads (every module reached
// from main.ts by static imports) is the command tree, yargs, tokens and light helpers; the wiring,
// views, use cases, adapters and ink are loaded by a handler, through `ctx.get(token)` or `await import()`.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = 'src/infrastructure/cli/main.ts';

/** Where no module loaded at start-up may live: each is a handler's to load. */
const LAZY_ONLY = [
  'src/application/',
  'src/infrastructure/cli/views/',
  'src/infrastructure/cli/context.ts',
  'src/infrastructure/di/container.ts',
  'src/infrastructure/di/wiring.ts',
  'src/infrastructure/di/modules/',
  'src/infrastructure/persistence/',
  'src/infrastructure/connectors/',
  'src/infrastructure/logging/',
];
/** Light enough to load first: main.ts names a damaged database in its one error line. */
const LIGHT_EXCEPTIONS = ['src/infrastructure/persistence/database-damage.ts'];
const PACKAGES_AT_START = ['yargs'];

const STATIC_IMPORT = /^\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gms;

/** The specifiers `source` loads when it is loaded: value imports and re-exports, not `import type`. */
function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)]
    .filter(([, , clause = '']) => !clause.startsWith('type ') && !onlyTypes(clause))
    .map(([, , , specifier = '']) => specifier);
}

/** `{ type A, type B }`: the compiler drops the import. */
function onlyTypes(clause: string): boolean {
  const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
  if (names === undefined) return false;
  const items = names
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 && items.every((item) => item.startsWith('type '));
}

function sourceOf(fromFile: string, specifier: string): string {
  const base = resolve(ROOT, dirname(fromFile), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
  if (file === undefined) throw new Error(`${fromFile}: cannot find ${specifier}`);
  return relative(ROOT, file);
}

/** Every file and package `entry` loads by itself (main.ts: before a handler runs). */
function loadedBy(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticImports(readFileSync(join(ROOT, file), 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(sourceOf(file, specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('what `narada --help` loads', () => {
  const { files, packages } = loadedBy(MAIN);

  it('is the command tree: every command module, its tokens and helpers', () => {
    expect(files).toContain('src/infrastructure/cli/commands/tracks.ts');
    expect(files).toContain('src/infrastructure/di/tracks.tokens.ts');
    expect(files).toContain('src/infrastructure/di/tokens.ts');
  });

  it('holds no wiring, view, use case, adapter or log: handlers load those', () => {
    const heavy = [...files].filter(
      (file) => LAZY_ONLY.some((lazy) => file.startsWith(lazy)) && !LIGHT_EXCEPTIONS.includes(file),
    );
    expect(heavy).toEqual([]);
  });

  it('needs no package but yargs', () => {
    expect([...packages].filter((name) => !PACKAGES_AT_START.includes(name))).toEqual([]);
  });
});

describe('what loading the wiring loads', () => {
  const { files, packages } = loadedBy('src/infrastructure/di/container.ts');

  it('is the bindings, not what they build: each factory imports its adapter or use case', () => {
    expect(files).toContain('src/infrastructure/di/modules/history.module.ts');
    const built = [...files].filter(
      (file) =>
        /^src\/(application\/(use-cases|tracks|history|likes|playlist|stats|workflow)|infrastructure\/(persistence|importers|backup))\//.test(
          file,
        ) ||
        (file.startsWith('src/infrastructure/connectors/') && !file.endsWith('/long-wait.ts')),
    );
    expect(built).toEqual([]);
    expect([...packages]).toEqual([]);
  });
});

describe('the import reader', () => {
  it('sees value imports and re-exports, and skips type-only ones', () => {
    const source = [
      "import { withContext } from '../command.js';",
      "import type { Argv } from 'yargs';",
      "import { type A, type B } from './types.js';",
      'import {',
      '  documented,',
      '  needsSubcommand,',
      "} from '../help.js';",
      "export { TRACKS } from './tracks.tokens.js';",
      "const lazy = await import('../views/tracks-lines.js');",
    ].join('\n');
    expect(staticImports(source)).toEqual(['../command.js', '../help.js', './tracks.tokens.js']);
  });
});
