// What the workflow end-to-end tests share: the fakes seeded with the demo library, a NARADA_HOME of
// their own, the built CLI pointed at the fakes, and checks on the fake Spotify's request log and on
// the JSON-lines log the CLI writes under NARADA_HOME/logs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLastfm, type FakeLastfm, type FakeLastfmOptions } from '../../fakes/lastfm/fake-lastfm.js';
import {
  fakeServiceEnv,
  seedDemoLibrary,
  type DemoLibrary,
  type DemoOptions,
} from '../../fakes/seed/demo-library.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { cleanEnv, runNarada, tempDir, type CliResult } from '../cli-harness.js';

export const WORKFLOWS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'workflows');

export interface E2eWorld {
  readonly spotify: FakeSpotify;
  readonly lastfm: FakeLastfm;
  readonly home: string;
  narada(args: readonly string[], timeoutMs?: number): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startWorld(options: { readonly lastfm?: FakeLastfmOptions } = {}): Promise<E2eWorld> {
  const spotify = await startFakeSpotify();
  const lastfm = await startFakeLastfm(options.lastfm);
  const home = tempDir('narada-workflow-e2e-');
  const env = cleanEnv(home.path, fakeServiceEnv(spotify, lastfm));
  return {
    spotify,
    lastfm,
    home: home.path,
    narada: (args, timeoutMs = 90_000) => runNarada(args, { env, cwd: home.path, timeoutMs }),
    async close() {
      await spotify.close();
      await lastfm.close();
      home.remove();
    },
  };
}

export interface SeededWorld extends Omit<E2eWorld, 'close'> {
  readonly library: DemoLibrary;
}

/** A world seeded with the demo library for the enclosing describe: started before its tests, closed after. */
export function useSeededWorld(
  options: { readonly lastfm?: FakeLastfmOptions; readonly seed?: DemoOptions } = {},
): SeededWorld {
  let started: { world: E2eWorld; library: DemoLibrary } | undefined;
  beforeAll(async () => {
    const world = await startWorld(options);
    started = { world, library: seedDemoLibrary(world.spotify, world.lastfm, options.seed) };
  });
  afterAll(() => started?.world.close());
  const get = (): { world: E2eWorld; library: DemoLibrary } => {
    if (started === undefined) throw new Error('the world starts in beforeAll: use it in a test or hook');
    return started;
  };
  return {
    get spotify() {
      return get().world.spotify;
    },
    get lastfm() {
      return get().world.lastfm;
    },
    get home() {
      return get().world.home;
    },
    get library() {
      return get().library;
    },
    narada: (args, timeoutMs) => get().world.narada(args, timeoutMs),
  };
}

/** Every item list a write sent: URIs added, replaced or removed, and reorder range lengths. */
export function writeSizes(spotify: FakeSpotify): number[] {
  return spotify.writeCalls().map((request) => {
    const body = (request.body ?? {}) as { uris?: unknown; items?: unknown; range_length?: unknown };
    const fromQuery = new URLSearchParams(request.query).get('uris')?.split(',').length;
    if (Array.isArray(body.uris)) return body.uris.length;
    if (Array.isArray(body.items)) return body.items.length;
    if (typeof body.range_length === 'number') return body.range_length;
    return fromQuery ?? 0;
  });
}

export function workflowFile(name: string): string {
  return join(WORKFLOWS, name);
}

export interface RunJson {
  readonly id: number;
  readonly status: string;
  readonly dryRun: boolean;
  readonly tasks: readonly {
    readonly taskId: string;
    readonly status: string;
    readonly inputCount: number;
    readonly outputCount: number;
    readonly details: Record<string, unknown>;
  }[];
  readonly apiCalls: Record<string, number>;
  readonly apiCallsByService: Record<string, number>;
}

export function taskOf(run: RunJson, taskId: string): RunJson['tasks'][number] {
  const task = run.tasks.find((t) => t.taskId === taskId);
  if (task === undefined) throw new Error(`run has no task ${taskId}`);
  return task;
}

/** Every line the CLI logged under `home`/logs so far, parsed. */
export function logEntries(home: string): Array<Record<string, unknown>> {
  const dir = join(home, 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
