// Reads the captured Spotify responses in the shared fixtures folder (../shared/fixtures beside the repo).
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../../shared/fixtures/spotify/', import.meta.url);

export function spotifyFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}
