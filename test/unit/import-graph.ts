// Reads the imports of the repository's TypeScript files for test/unit/architecture.test.ts: every
// specifier a file names, the src file each relative one resolves to, and the cycles they close.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const SPECIFIER_PATTERNS = [
  /^\s*(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
  /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
  /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

/** Whole-line comments are dropped so prose like "we never import from 'typeorm'" is not read as code. */
export function codeLines(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
}

export function importSpecifiers(source: string): string[] {
  const code = codeLines(source);
  return [
    ...new Set(SPECIFIER_PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[2] ?? ''))),
  ];
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The src file a relative specifier names (`./x.js` is `./x.ts` or `./x.tsx`), or none for a package. */
export function importedFile(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = relative(ROOT, resolve(dirname(join(ROOT, file)), specifier))
    .split(sep)
    .join('/');
  const stem = base.replace(/\.js$/, '');
  return (
    [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`].find((path) => existsSync(join(ROOT, path))) ?? null
  );
}

/** Every import cycle among `graph`'s files, each as the path that closes it (first file repeated last). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): void => {
    if (onPath.has(file)) {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return cycles;
}
