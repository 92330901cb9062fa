// The captured wire formats and export samples, kept in test/fixtures (see its README for where each came from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WIRE_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function wireFixturePath(relative: string): string {
  return `${WIRE_FIXTURES_DIR}${relative}`;
}

export function readWireFixture<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(wireFixturePath(relative), 'utf8')) as T;
}

export function readWireFixtureText(relative: string): string {
  return readFileSync(wireFixturePath(relative), 'utf8');
}
