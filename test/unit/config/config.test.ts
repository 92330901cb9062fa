import { describe, expect, it, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, configSecrets } from '../../../src/infrastructure/config/config.js';
import { parseDotenv } from '../../../src/infrastructure/config/dotenv.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';

const root = mkdtempSync(join(tmpdir(), 'narada-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dir(name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('loadConfig', () => {
  it('bounds the wait for another process’s database writes by NARADA_DB_WAIT_SECONDS, 60 s unless set', () => {
    const cwd = dir('db-wait');
    expect(loadConfig({ env: {}, cwd, homeDir: '/home/u' }).databaseWaitMs).toBe(60_000);
    expect(loadConfig({ env: { NARADA_DB_WAIT_SECONDS: '2.5' }, cwd }).databaseWaitMs).toBe(2_500);
    expect(() => loadConfig({ env: { NARADA_DB_WAIT_SECONDS: 'soon' }, cwd })).toThrow(
      'NARADA_DB_WAIT_SECONDS "soon" must be a number of seconds ≥ 0',
    );
  });

  it('defaults NARADA_HOME to XDG_DATA_HOME/narada, else ~/.local/share/narada', () => {
    const cwd = dir('empty');
    expect(loadConfig({ env: { XDG_DATA_HOME: '/xdg' }, cwd, homeDir: '/home/u' }).home).toBe('/xdg/narada');
    const config = loadConfig({ env: {}, cwd, homeDir: '/home/u' });
    expect(config.home).toBe('/home/u/.local/share/narada');
    expect(config.databasePath).toBe('/home/u/.local/share/narada/narada.db');
  });

  it('reads .env from the working directory, then NARADA_HOME, with the real environment winning', () => {
    const cwd = dir('cwd-env');
    const home = dir('home-env');
    writeFileSync(
      join(cwd, '.env'),
      `NARADA_HOME=${home}\nLASTFM_API_KEY=from-cwd\nSPOTIFY_CLIENT_ID=from-cwd\n`,
    );
    writeFileSync(
      join(home, '.env'),
      'LASTFM_API_KEY=from-home\nLASTFM_USERNAME=from-home\nSPOTIFY_CLIENT_ID=from-home\n',
    );
    const config = loadConfig({ env: { SPOTIFY_CLIENT_ID: 'from-env' }, cwd });
    expect(config.home).toBe(home);
    expect(config.spotify.clientId).toBe('from-env');
    expect(config.lastfm.apiKey).toBe('from-cwd');
    expect(config.lastfm.username).toBe('from-home');
  });

  it('takes DATABASE_URL as a sqlite: path, relative to the working directory', () => {
    const cwd = dir('db');
    expect(loadConfig({ env: { DATABASE_URL: 'sqlite:/tmp/x.db' }, cwd }).databasePath).toBe('/tmp/x.db');
    expect(loadConfig({ env: { DATABASE_URL: 'sqlite:data/n.db' }, cwd }).databasePath).toBe(
      join(cwd, 'data/n.db'),
    );
    expect(loadConfig({ env: { DATABASE_URL: 'sqlite:///var/n.db' }, cwd }).databasePath).toBe('/var/n.db');
  });

  it('refuses a DATABASE_URL it cannot use, saying what to write instead', () => {
    const cwd = dir('db-bad');
    expect(() => loadConfig({ env: { DATABASE_URL: 'mysql://x' }, cwd })).toThrow(
      /DATABASE_URL "mysql:\/\/x".*sqlite:/,
    );
    expect(() => loadConfig({ env: { DATABASE_URL: 'postgres://u:pw@h' }, cwd })).toThrow(
      /postgres:\/\/u@h:5432 names no host or no database/,
    );
  });

  it('selects PostgreSQL for a postgres:// DATABASE_URL, shown and logged without its password', () => {
    const url = 'postgres://ann:s3cret-pw@db.example:6543/narada';
    const config = loadConfig({ env: { DATABASE_URL: url }, cwd: dir('db-pg') });
    expect(config.databasePath).toBe('postgres://ann@db.example:6543/narada');
    expect(config.databaseUrl).toBe(url);
    expect(configSecrets(config)).toEqual(expect.arrayContaining([url, 's3cret-pw']));
  });

  it('strips trailing slashes from base URLs but keeps the Last.fm endpoint whole', () => {
    const config = loadConfig({
      env: { SPOTIFY_API_URL: 'http://127.0.0.1:9/v1/', LASTFM_API_URL: 'http://127.0.0.1:9/2.0/' },
      cwd: dir('urls'),
    });
    expect(config.spotify.apiUrl).toBe('http://127.0.0.1:9/v1');
    expect(config.lastfm.apiUrl).toBe('http://127.0.0.1:9/2.0/');
    expect(config.spotify.accountsUrl).toBe('https://accounts.spotify.com');
  });

  it('names the variable when a base URL is not a URL', () => {
    expect(() => loadConfig({ env: { MUSICBRAINZ_API_URL: 'not a url' }, cwd: dir('badurl') })).toThrow(
      /MUSICBRAINZ_API_URL/,
    );
  });

  it('paces MusicBrainz at MUSICBRAINZ_RATE_LIMIT requests a second: 1 unless set, none when "unlimited"', () => {
    const cwd = dir('mb-rate');
    const rate = (value?: string) =>
      loadConfig({ env: value === undefined ? {} : { MUSICBRAINZ_RATE_LIMIT: value }, cwd }).musicbrainz
        .requestsPerSecond;
    expect(rate()).toBe(1);
    expect(rate('25')).toBe(25);
    expect(rate('0.5')).toBe(0.5);
    expect(rate('Unlimited')).toBeNull();
    for (const bad of ['0', '-1', 'fast', 'Infinity']) {
      let error: unknown;
      try {
        rate(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(NaradaError);
      expect(error).toMatchObject({ code: 'CONFIG.BAD_RATE_LIMIT', category: 'config' });
      expect((error as Error).message).toContain(`MUSICBRAINZ_RATE_LIMIT "${bad}"`);
    }
  });

  it('lists the secrets so logs can redact them', () => {
    const config = loadConfig({
      env: { SPOTIFY_CLIENT_SECRET: 's3cr3t-value', LASTFM_SESSION_KEY: 'sk-123456' },
      cwd: dir('s'),
    });
    expect(configSecrets(config).sort()).toEqual(['s3cr3t-value', 'sk-123456']);
  });
});

describe('parseDotenv', () => {
  it('understands export prefixes, quotes and inline comments', () => {
    expect(
      parseDotenv('export A=1\nB="two words"\nC=\'x#y\'\nD=plain # note\n# comment\n\n', '.env'),
    ).toEqual({
      A: '1',
      B: 'two words',
      C: 'x#y',
      D: 'plain',
    });
  });

  it('names the file and line of a malformed entry, never its text (it may be a secret)', () => {
    try {
      parseDotenv('A=1\nthis is wrong sk-9f8e7d6c\n', '/p/.env');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(NaradaError);
      const failure = error as NaradaError;
      expect(failure.message).toMatch(/^\/p\/\.env line 2 is not KEY=VALUE/);
      expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toMatch(
        /wrong|sk-9f8e7d6c/,
      );
      expect(failure.category).toBe('input');
    }
  });
});
