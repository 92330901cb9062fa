// Reads the captured Spotify responses (test/fixtures/spotify; its README says where each came from).
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../fixtures/spotify/', import.meta.url);

export function spotifyFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}
