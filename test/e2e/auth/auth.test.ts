import { describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanEnv, runNarada, tempDir } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({
  spotify: { user: { id: 'ann', displayName: 'Ann Example' }, login: false },
  lastfm: { approvingUser: 'ann_fm', signed: true },
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Plays the person at the browser: opens the first http URL the CLI prints, following redirects. */
function clickPrintedUrl(): { onStderr: (chunk: string) => void; clicked: Promise<number> } {
  let resolveClick!: (status: number) => void;
  const clicked = new Promise<number>((r) => (resolveClick = r));
  let buffer = '';
  let done = false;
  return {
    clicked,
    onStderr: (chunk) => {
      buffer += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(buffer)?.[1];
      if (url && !done) {
        done = true;
        void fetch(url).then((r) => resolveClick(r.status));
      }
    },
  };
}

describe('narada auth (built CLI against the fake services)', () => {
  it('reports nothing connected before any login, without failing', async () => {
    const result = await runNarada(['auth', 'status', '--json'], { env: fakes.env });
    expect(result.code).toBe(0);
    const { accounts } = result.json<{ accounts: Array<{ service: string; connected: boolean }> }>();
    expect(accounts.map((a) => [a.service, a.connected])).toEqual([
      ['spotify', false],
      ['lastfm', false],
      ['musicbrainz', true],
    ]);
  });

  it('logs in to Spotify through the browser flow and stores the login with mode 0600', async () => {
    const port = await freePort();
    const browser = clickPrintedUrl();
    const result = await runNarada(['auth', 'spotify', '--json', '--timeout', '20'], {
      env: fakes.envFor(fakes.home, { SPOTIFY_REDIRECT_URI: `http://127.0.0.1:${port}/callback` }),
      onStderr: browser.onStderr,
    });
    expect(await browser.clicked).toBe(200);
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ service: 'spotify', user: 'ann', displayName: 'Ann Example' });
    const file = join(fakes.home, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { spotify: { refreshToken: string } };
    expect(fakes.spotify.isRefreshTokenValid(stored.spotify.refreshToken)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(stored.spotify.refreshToken);
  });

  it('logs in to Last.fm by polling until the user approves, never reading stdin', async () => {
    const browser = clickPrintedUrl();
    const result = await runNarada(['auth', 'lastfm', '--json', '--timeout', '30'], {
      env: fakes.env,
      onStderr: browser.onStderr,
    });
    expect(await browser.clicked).toBe(200);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ service: 'lastfm', user: 'ann_fm' });
  });

  it('shows both accounts as connected once logged in, by name only', async () => {
    const result = await runNarada(['auth', 'status'], { env: fakes.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/spotify\s+connected as Ann Example/);
    expect(result.stdout).toMatch(/lastfm\s+connected as ann_fm/);
    const stored = readFileSync(join(fakes.home, 'credentials.json'), 'utf8');
    const secrets = Object.values(JSON.parse(stored) as Record<string, Record<string, unknown>>).flatMap(
      (v) =>
        Object.entries(v)
          .filter(([k, s]) => /token|key/i.test(k) && typeof s === 'string')
          .map(([, s]) => s as string),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('accepts SPOTIFY_REFRESH_TOKEN as a non-interactive login', async () => {
    const other = tempDir();
    const token = fakes.spotify.issueRefreshToken();
    const env = { ...fakes.envFor(fakes.home, { SPOTIFY_REFRESH_TOKEN: token }), NARADA_HOME: other.path };
    const result = await runNarada(['auth', 'spotify', '--json'], { env });
    other.remove();
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ user: 'ann', via: 'SPOTIFY_REFRESH_TOKEN' });
  });

  it('says what to run when the refresh token is revoked (exit 2)', async () => {
    const other = tempDir();
    const token = fakes.spotify.issueRefreshToken();
    fakes.spotify.revokeRefreshToken(token);
    const env = { ...fakes.envFor(fakes.home, { SPOTIFY_REFRESH_TOKEN: token }), NARADA_HOME: other.path };
    const result = await runNarada(['auth', 'spotify'], { env });
    other.remove();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/narada auth spotify/);
    expect(result.stderr).not.toContain(token);
  });

  it('asks for the client id when Spotify is not configured', async () => {
    const other = tempDir();
    const result = await runNarada(['auth', 'spotify', '--timeout', '1'], { env: cleanEnv(other.path) });
    other.remove();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SPOTIFY_CLIENT_ID/);
  });
});
