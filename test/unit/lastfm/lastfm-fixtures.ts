// Reads the captured Last.fm responses shared by the team (see ../shared/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixturePath } from '../../support/shared-fixtures.js';

const LASTFM_FIXTURES = sharedFixturePath('lastfm');

export function lastfmFixture(name: string): unknown {
  return JSON.parse(lastfmFixtureText(name)) as unknown;
}

/** The response text as captured, for what is kept byte for byte. */
export function lastfmFixtureText(name: string): string {
  return readFileSync(join(LASTFM_FIXTURES, name), 'utf8');
}
