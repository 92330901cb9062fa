// Dependencies point inward: the domain imports only the domain, the application imports no
// infrastructure and no framework, the workflow engine no feature of its own, and no import in src
// closes a cycle. Every import specifier is read (static, type-only, re-export, side-effect, dynamic
// import() and require) and checked against these rules. Node files are named by their nodes' kind.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  codeLines,
  importCycles,
  importedFile,
  importSpecifiers,
  ROOT,
  sourceFiles,
} from './import-graph.js';

type Layer = 'domain' | 'application';

const FRAMEWORKS = ['typeorm', 'inversify', 'yargs', 'ink', 'react', 'better-sqlite3'];
/** HTTP clients: whoever imports one does I/O, which belongs behind a port. */
const FETCH_MODULES = [
  'node-fetch',
  'undici',
  'axios',
  'got',
  'cross-fetch',
  'isomorphic-fetch',
  'ky',
  'superagent',
];

/** A call of the global fetch (not a method such as `client.fetch(`). */
const GLOBAL_FETCH = /(?<![\w$.])fetch\s*\(/;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));
}

/** The reasons `file` (a path under src/) may not import `specifier`, or none. */
function violations(layer: Layer, file: string, source: string): string[] {
  const found: string[] = [];
  const forbiddenLayers = layer === 'domain' ? ['application', 'infrastructure'] : ['infrastructure'];
  for (const specifier of importSpecifiers(source)) {
    const where = `${file} imports '${specifier}'`;
    if (specifier.startsWith('.')) {
      const target = relative(join(ROOT, 'src'), resolve(dirname(join(ROOT, file)), specifier)).split(sep)[0];
      if (target !== undefined && forbiddenLayers.includes(target))
        found.push(`${where}: ${layer} → ${target}`);
      continue;
    }
    const name = packageName(specifier);
    if (FRAMEWORKS.includes(name)) found.push(`${where}: frameworks stay in infrastructure`);
    else if (FETCH_MODULES.includes(name)) found.push(`${where}: HTTP belongs behind a port`);
    else if (layer === 'domain' && isNodeBuiltin(specifier)) found.push(`${where}: the domain does no I/O`);
  }
  if (GLOBAL_FETCH.test(codeLines(source))) found.push(`${file} calls fetch(): HTTP belongs behind a port`);
  return found;
}

/**
 * Folders of src/application the workflow engine and its nodes may not import: entry-point use cases
 * and the feature collaborators behind them. The workflow reaches a feature through a port.
 * (application/playlist is not listed yet: the destination nodes still share its planning code.)
 */
const OUT_OF_WORKFLOW_REACH = ['use-cases', 'tracks', 'likes', 'history', 'stats'];

/** The reasons a file under src/application/workflow may not import `specifier`, or none. */
function workflowReachViolations(file: string, source: string): string[] {
  return importSpecifiers(source).flatMap((specifier) => {
    if (!specifier.startsWith('.')) return [];
    const target = relative(join(ROOT, 'src/application'), resolve(dirname(join(ROOT, file)), specifier));
    const folder = target.split(sep)[0];
    return folder !== undefined && OUT_OF_WORKFLOW_REACH.includes(folder)
      ? [`${file} imports '${specifier}': the workflow reaches application/${folder} only through a port`]
      : [];
  });
}

describe('layer rules', () => {
  it.each(['domain', 'application'] as const)('hold for every file under src/%s', (layer) => {
    const files = sourceFiles(`src/${layer}`);
    expect(files.length).toBeGreaterThan(0);
    const broken = files.flatMap((file) => violations(layer, file, readFileSync(join(ROOT, file), 'utf8')));
    expect(broken).toEqual([]);
  });

  it('keep better-sqlite3 inside src/infrastructure/persistence: another database is another adapter there', () => {
    const outside = sourceFiles('src').filter((file) => !file.startsWith('src/infrastructure/persistence/'));
    expect(outside).toContain('src/infrastructure/di/container.ts');
    const importers = outside.filter((file) =>
      importSpecifiers(readFileSync(join(ROOT, file), 'utf8')).some(
        (s) => packageName(s) === 'better-sqlite3',
      ),
    );
    expect(importers).toEqual([]);
  });

  it('scan the files that exist, domain value objects included', () => {
    expect(sourceFiles('src/domain')).toContain('src/domain/values/isrc.ts');
  });
});

describe('imports in src', () => {
  it('form no cycle, type-only imports included', () => {
    const files = sourceFiles('src');
    expect(files).toContain('src/infrastructure/cli/main.ts');
    const graph = new Map(
      files.map((file) => [
        file,
        importSpecifiers(readFileSync(join(ROOT, file), 'utf8')).flatMap((specifier) => {
          const target = importedFile(file, specifier);
          return target === null ? [] : [target];
        }),
      ]),
    );
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('are followed to the files they name, and a cycle of any length is found', () => {
    expect(importedFile('src/domain/track/track.ts', '../values/isrc.js')).toBe('src/domain/values/isrc.ts');
    expect(importedFile('src/infrastructure/cli/main.ts', './views/ink-progress.js')).toBe(
      'src/infrastructure/cli/views/ink-progress.tsx',
    );
    expect(importedFile('src/domain/track/track.ts', 'zod')).toBeNull();
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('the workflow engine', () => {
  it('imports no use case and no feature collaborator', () => {
    const files = sourceFiles('src/application/workflow');
    expect(files.length).toBeGreaterThan(0);
    const broken = files.flatMap((file) =>
      workflowReachViolations(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(broken).toEqual([]);
  });

  it('is told apart from the ports and the domain it may use', () => {
    const file = 'src/application/workflow/example.ts';
    const source = [
      "import type { IngestTracks } from '../ports/track-ingest.port.js';",
      "import { connectorKey } from '../../domain/track/connector-track.js';",
      "import { RunWorkflow } from '../use-cases/workflow/run-workflow.js';",
      "import { IngestConnectorTracks } from '../tracks/ingest-connector-tracks.js';",
    ].join('\n');
    expect(workflowReachViolations(file, source)).toEqual([
      `${file} imports '../use-cases/workflow/run-workflow.js': the workflow reaches application/use-cases only through a port`,
      `${file} imports '../tracks/ingest-connector-tracks.js': the workflow reaches application/tracks only through a port`,
    ]);
  });
});

describe('the node files', () => {
  /** `<kind>[-<what>].node.ts` for one node, `.nodes.ts` for several, every node in it of that kind. */
  function nodeFileProblem(name: string, source: string): string | null {
    const kinds = [...source.matchAll(/defineNode\(\{\s*type: '([a-z_]+)\./g)].map((m) => m[1]);
    if (kinds.length === 0) return null;
    const fileKind = name.split(/[-.]/)[0];
    const suffix = kinds.length === 1 ? '.node.ts' : '.nodes.ts';
    if (!name.endsWith(suffix)) return `${name}: ${kinds.length} node(s), so it ends ${suffix}`;
    const strays = kinds.filter((kind) => kind !== fileKind);
    return strays.length === 0 ? null : `${name}: holds ${strays.join(', ')} nodes, not only ${fileKind}`;
  }

  it('are named by the kind of node they hold', () => {
    const dir = 'src/application/workflow/nodes';
    const problems = readdirSync(join(ROOT, dir))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => nodeFileProblem(name, readFileSync(join(ROOT, dir, name), 'utf8')))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('tell a misnamed node file', () => {
    const node = (type: string) => `export const x = defineNode({\n  type: '${type}',\n});`;
    expect(nodeFileProblem('sorter.nodes.ts', [node('sorter.a'), node('sorter.b')].join('\n'))).toBeNull();
    expect(nodeFileProblem('node-inputs.ts', 'export const mainInput = 1;')).toBeNull();
    expect(
      nodeFileProblem('order-and-select.nodes.ts', [node('sorter.a'), node('selector.b')].join('\n')),
    ).toBe('order-and-select.nodes.ts: holds sorter, selector nodes, not only order');
    expect(nodeFileProblem('selector.nodes.ts', node('selector.limit_tracks'))).toBe(
      'selector.nodes.ts: 1 node(s), so it ends .node.ts',
    );
  });
});

describe('the import scanner', () => {
  const domainFile = 'src/domain/track/example.ts';
  const appFile = 'src/application/use-cases/example.ts';

  it('finds static, type-only, multi-line, re-export, side-effect, dynamic and require specifiers', () => {
    const source = [
      "import { Isrc } from '../values/isrc.js';",
      "import type { Track } from './track.js';",
      'import {',
      '  a,',
      '  type B,',
      "} from './multi-line.js';",
      "export * from './re-export.js';",
      "export { c } from './named-re-export.js';",
      "import './side-effect.js';",
      "const lazy = await import('./lazy.js');",
      'const legacy = require("./legacy.cjs");',
      "const text = 'from nowhere';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      [
        '../values/isrc.js',
        './track.js',
        './multi-line.js',
        './re-export.js',
        './named-re-export.js',
        './side-effect.js',
        './lazy.js',
        './legacy.cjs',
      ].sort(),
    );
  });

  it.each([
    ["import { DataSource } from 'typeorm';", 'frameworks stay in infrastructure'],
    ["import { jsx } from 'react/jsx-runtime';", 'frameworks stay in infrastructure'],
    ["const fs = await import('node:fs');", 'the domain does no I/O'],
    ["import { readFile } from 'fs/promises';", 'the domain does no I/O'],
    ["export { Repo } from '../../application/ports/track-repository.port.js';", 'domain → application'],
    ["import { container } from '../../infrastructure/di/container.js';", 'domain → infrastructure'],
    ["import axios from 'axios';", 'HTTP belongs behind a port'],
    ["const body = await fetch('https://example.com');", 'calls fetch()'],
  ])('flags %s in the domain', (line, reason) => {
    const found = violations('domain', domainFile, line);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(reason);
  });

  it('flags infrastructure and frameworks in the application, but lets it use the domain and node', () => {
    const source = [
      "import { Track } from '../../domain/track/track.js';",
      "import { createHash } from 'node:crypto';",
      "import { injectable } from 'inversify';",
      "import { SqliteStore } from '../../infrastructure/persistence/sqlite-store.js';",
    ].join('\n');
    expect(violations('application', appFile, source)).toEqual([
      `${appFile} imports 'inversify': frameworks stay in infrastructure`,
      `${appFile} imports '../../infrastructure/persistence/sqlite-store.js': application → infrastructure`,
    ]);
  });

  it('lets the domain import the domain and libraries such as zod, and ignores comments and methods', () => {
    const source = [
      "import { Isrc } from '../values/isrc.js';",
      "import { z } from 'zod';",
      "// Never: import { DataSource } from 'typeorm';",
      ' * e.g. fetch() in a JSDoc line',
      'const page = await client.fetch(request);',
      "const name = 'typeorm';",
    ].join('\n');
    expect(violations('domain', domainFile, source)).toEqual([]);
  });
});
