// Reads the captured Last.fm responses (test/fixtures/lastfm; its README says where each came from).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const LASTFM_FIXTURES = wireFixturePath('lastfm');

export function lastfmFixture(name: string): unknown {
  return JSON.parse(lastfmFixtureText(name)) as unknown;
}

/** The response text as captured, for what is kept byte for byte. */
export function lastfmFixtureText(name: string): string {
  return readFileSync(join(LASTFM_FIXTURES, name), 'utf8');
}
