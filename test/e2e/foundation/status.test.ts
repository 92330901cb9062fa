import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPostgres } from '../../integration/persistence/postgres-test-database.js';
import { cleanEnv, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir();
afterAll(() => home.remove());

interface StatusJson {
  version: string;
  dataFolder: string;
  database: {
    path: string;
    schemaVersion: number;
    pendingMigrations: number;
    rowCounts: Record<string, number>;
  };
  services: Array<{ service: string; state: string; account: string | null; hint: string | null }>;
}

describe('narada (foundation commands, run as a user would)', () => {
  it('prints help with the command list and exits 0', async () => {
    const result = await runNarada(['--help'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('narada status');
    expect(result.stdout).toContain('--json');
    // Wrapped at word boundaries: every line of a command's summary ends on a whole word.
    expect(result.stdout).toMatch(/ListenBrainz\),\s+export it, backfill it/);
  });

  it('prints its version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runNarada(['--version'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('creates and migrates the database on first use and reports its facts as JSON', async () => {
    const fresh = join(home.path, 'fresh');
    const result = await runNarada(['status', '--json'], { env: cleanEnv(fresh) });
    expect(result.code).toBe(0);
    const status = result.json<StatusJson>();
    expect(status.dataFolder).toBe(fresh);
    if (onPostgres) {
      // The PostgreSQL run: the database the harness gave this home, named without a password.
      expect(status.database.path).toMatch(/^postgres:\/\/[^:@/]+@127\.0\.0\.1:\d+\/narada_test_[0-9a-f]+$/);
    } else {
      expect(status.database.path).toBe(join(fresh, 'narada.db'));
      expect(existsSync(status.database.path)).toBe(true);
    }
    expect(status.database.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(status.database.pendingMigrations).toBe(0);
    expect(status.database.rowCounts).toMatchObject({ tracks: 0, listening_events: 0, playlists: 0 });
    expect(status.services.map((s) => [s.service, s.state])).toEqual([
      ['spotify', 'not_configured'],
      ['lastfm', 'not_configured'],
      ['musicbrainz', 'connected'],
    ]);
  });

  it('accepts --json anywhere on the command line', async () => {
    const result = await runNarada(['--json', 'status'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(0);
    expect(result.json<StatusJson>().dataFolder).toBe(home.path);
  });

  it('shows which services are configured without ever printing a secret', async () => {
    const secrets = {
      SPOTIFY_CLIENT_SECRET: 'spotify-secret-4242',
      SPOTIFY_REFRESH_TOKEN: 'refresh-token-4242',
      LASTFM_API_SECRET: 'lastfm-secret-4242',
      LASTFM_SESSION_KEY: 'session-key-4242',
    };
    const env = cleanEnv(home.path, {
      SPOTIFY_CLIENT_ID: 'client-id',
      LASTFM_API_KEY: 'api-key',
      LASTFM_USERNAME: 'ann',
      ...secrets,
    });
    for (const args of [['status', '--json'], ['status'], ['status', '--verbose']]) {
      const result = await runNarada(args, { env });
      expect(result.code).toBe(0);
      for (const secret of Object.values(secrets)) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    }
    const status = (await runNarada(['status', '--json'], { env })).json<StatusJson>();
    expect(status.services.find((s) => s.service === 'spotify')?.state).toBe('connected');
    expect(status.services.find((s) => s.service === 'lastfm')).toMatchObject({
      state: 'connected',
      account: 'ann',
    });
    const logs = readdirSync(join(home.path, 'logs')).map((f) =>
      readFileSync(join(home.path, 'logs', f), 'utf8'),
    );
    for (const secret of Object.values(secrets)) expect(logs.join('')).not.toContain(secret);
    for (const f of readdirSync(join(home.path, 'logs')))
      expect(statSync(join(home.path, 'logs', f)).mode & 0o777).toBe(0o600);
  });

  it('uses the sqlite: file DATABASE_URL names', async () => {
    const dbPath = join(home.path, 'elsewhere', 'mine.db');
    const result = await runNarada(['status', '--json'], {
      env: cleanEnv(home.path, { DATABASE_URL: `sqlite:${dbPath}` }),
    });
    expect(result.code).toBe(0);
    expect(result.json<StatusJson>().database.path).toBe(dbPath);
    expect(existsSync(dbPath)).toBe(true);
  });

  it('reads a .env file in the working directory', async () => {
    const cwd = tempDir();
    const other = join(cwd.path, 'home-from-dotenv');
    writeFileSync(join(cwd.path, '.env'), `NARADA_HOME=${other}\nLASTFM_USERNAME=from-dotenv\n`);
    const env = cleanEnv(home.path);
    delete (env as Record<string, string>).NARADA_HOME;
    const result = await runNarada(['status', '--json'], { env, cwd: cwd.path });
    cwd.remove();
    expect(result.code).toBe(0);
    expect(result.json<StatusJson>().dataFolder).toBe(other);
  });

  it('refuses a wrong flag with one clear line and exit code 2, no stack trace', async () => {
    const result = await runNarada(['status', '--jsno'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Unknown argument: jsno/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown command, suggesting what to run', async () => {
    const result = await runNarada(['statsu'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^narada: Unknown command\. Did you mean status\?/);
  });

  it('names DATABASE_URL when it cannot be used, with exit code 2 and a JSON error under --json', async () => {
    const result = await runNarada(['status', '--json'], {
      env: cleanEnv(home.path, { DATABASE_URL: 'mysql://db' }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL "mysql:\/\/db"/);
    expect(result.json<{ ok: boolean; error: { code: string } }>()).toEqual({
      ok: false,
      error: { code: 'CONFIG.DATABASE_URL', message: expect.stringContaining('DATABASE_URL') },
    });
  });

  it('reports an up-to-date schema from db migrate', async () => {
    const result = await runNarada(['db', 'migrate', '--json'], { env: cleanEnv(home.path) });
    expect(result.code).toBe(0);
    expect(result.json<{ applied: string[]; schemaVersion: number }>()).toMatchObject({
      applied: [],
      schemaVersion: expect.any(Number),
    });
  });
});
