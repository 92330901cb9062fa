// The captured wire formats live in ../shared/fixtures beside the repository (CI clones it there).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

export function sharedFixturePath(relative: string): string {
  return `${SHARED_FIXTURES_DIR}${relative}`;
}

export function readSharedFixture<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(sharedFixturePath(relative), 'utf8')) as T;
}

export function readSharedFixtureText(relative: string): string {
  return readFileSync(sharedFixturePath(relative), 'utf8');
}
