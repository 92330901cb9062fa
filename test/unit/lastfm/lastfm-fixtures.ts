// Reads the captured Last.fm responses shared by the team (see /work/shared/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LASTFM_FIXTURES = '/work/shared/fixtures/lastfm';

export function lastfmFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(LASTFM_FIXTURES, name), 'utf8')) as unknown;
}
