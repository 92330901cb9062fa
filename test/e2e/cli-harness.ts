// Runs the built CLI as a user would: a subprocess with its own NARADA_HOME and environment. In the
// PostgreSQL run (NARADA_TEST_DATABASE_URL set) each home gets its own schema as DATABASE_URL.
import { afterAll, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineDatabase } from '../../src/infrastructure/persistence/engine-database.js';
import { openDatabase } from '../../src/infrastructure/persistence/open-database.js';
import {
  dropFileDatabase,
  onPostgres,
  schemaUrlFor,
} from '../integration/persistence/postgres-test-database.js';

if (onPostgres) afterAll(dropFileDatabase);

export const NARADA_BIN = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'dist',
  'src',
  'infrastructure',
  'cli',
  'main.js',
);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Called with each chunk of stderr as it arrives (e.g. to click a printed login URL). */
  readonly onStderr?: (chunk: string) => void;
  readonly timeoutMs?: number;
}

/** A clean environment: no real credentials or homes leak in from the machine running the tests. */
export function cleanEnv(home: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, NARADA_HOME: home, LANG: 'C.UTF-8', ...extra };
}

/**
 * A clean environment pinned to the home's SQLite file in both runs, for tests of SQLite's own
 * machinery (file modes, damaged files, the write lock); such tests are named `SQLite: ...`.
 */
export function sqliteEnv(
  home: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return cleanEnv(home, { DATABASE_URL: `sqlite:${join(home, 'narada.db')}`, ...extra });
}

/** Exit 0, or the failure's stderr in the test report (a bare code says nothing of why). */
export function expectSuccess(result: CliResult): void {
  expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
    code: 0,
    stderr: '',
  });
}

/**
 * Opens the database the CLI uses for `home`: its narada.db, or in the PostgreSQL run the home's schema.
 * Read it with `db.sql.all/one(...)` so the test runs on both engines.
 */
export async function openHomeDatabase(home: string): Promise<EngineDatabase> {
  return openDatabase({ path: join(home, 'narada.db'), url: onPostgres ? await schemaUrlFor(home) : null });
}

/**
 * The environment with the home's PostgreSQL schema as DATABASE_URL, in the PostgreSQL run (unchanged
 * in the SQLite run); for CLI processes a test spawns itself.
 */
export async function withDatabase(
  env: Readonly<Record<string, string>> | undefined,
): Promise<Readonly<Record<string, string>>> {
  const base = env ?? { PATH: process.env.PATH ?? '' };
  const home = base['NARADA_HOME'];
  if (!onPostgres || home === undefined || base['DATABASE_URL'] !== undefined) return base;
  return { ...base, DATABASE_URL: await schemaUrlFor(home) };
}

export async function runNarada(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env = await withDatabase(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NARADA_BIN, ...args], {
      env,
      cwd: options.cwd ?? tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      const text = c.toString('utf8');
      stderr += text;
      options.onStderr?.(text);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`narada ${args.join(' ')} timed out\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
          }
        },
      });
    });
  });
}

/** A temporary folder removed after the test file (call in afterAll). */
export function tempDir(prefix = 'narada-e2e-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Everything Narada wrote under the logs folder of `home` ('' when it wrote none). */
export function logText(home: string): string {
  const logs = join(home, 'logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs)
    .map((file) => readFileSync(join(logs, file), 'utf8'))
    .join('\n');
}
