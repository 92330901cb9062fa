import { describe, expect, it } from '@jest/globals';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { loginToSpotify } from '../../../src/infrastructure/connectors/spotify/spotify-login.js';
import { SpotifyWebApiClient } from '../../../src/infrastructure/connectors/spotify/spotify-web-api-client.js';
import { MemoryCredentialStore } from '../../fakes/spotify/memory-credential-store.js';
import { fakeSpotifyPerTest, spotifyConfig, spotifyHttp, VirtualClock } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

/** What a browser does with the login link: follow Spotify's redirect to the loopback server. */
async function clickLoginLink(url: string): Promise<Response> {
  const approval = await fetch(url, { redirect: 'manual' });
  expect(approval.status).toBe(302);
  return fetch(approval.headers.get('location')!);
}

function login(options: {
  onUrl: (url: string) => void;
  timeoutMs?: number;
  credentials?: MemoryCredentialStore;
}) {
  const lines: string[] = [];
  const credentials = options.credentials ?? new MemoryCredentialStore();
  const promise = loginToSpotify({
    config: spotifyConfig(fake),
    http: spotifyHttp(new VirtualClock(), new CallCounter()),
    credentials,
    openBrowser: options.onUrl,
    log: (line) => lines.push(line),
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return { promise, lines, credentials };
}

describe('narada auth spotify (PKCE with a loopback callback)', () => {
  it('logs in end to end: prints the link, receives the code, stores a working refresh token', async () => {
    let page: Promise<Response> | null = null;
    const run = login({ onUrl: (url) => (page = clickLoginLink(url)) });

    const result = await run.promise;

    expect(result).toEqual({ userId: fake.defaultUserId, displayName: 'Narada Listener' });
    const response = await page!;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('connected to Spotify');
    const stored = (await run.credentials.read()).spotify;
    expect(stored?.userId).toBe(fake.defaultUserId);
    expect(fake.isRefreshTokenValid(stored!.refreshToken)).toBe(true);
    const url = new URL(run.lines.find((line) => line.startsWith('http'))!);
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining(['playlist-modify-private', 'playlist-read-private', 'user-library-modify']),
    );
    expect(run.lines.join('\n')).not.toContain(stored!.refreshToken);

    const client = new SpotifyWebApiClient({
      config: spotifyConfig(fake),
      http: spotifyHttp(new VirtualClock(), new CallCounter()),
      credentials: run.credentials,
    });
    expect(await client.whoAmI()).toMatchObject({ loggedIn: true, user: { id: fake.defaultUserId } });
  });

  it('sends the PKCE verifier that matches the challenge in the link', async () => {
    let challenge = '';
    const run = login({
      onUrl: (url) => {
        challenge = new URL(url).searchParams.get('code_challenge')!;
        void clickLoginLink(url);
      },
    });
    await run.promise;

    const exchange = fake.callsTo('POST /api/token')[0]!.body as Record<string, string>;
    const { createHash } = await import('node:crypto');
    expect(exchange.grant_type).toBe('authorization_code');
    expect(createHash('sha256').update(exchange.code_verifier!).digest('base64url')).toBe(challenge);
  });

  it('refuses a callback whose state is not the one it sent, and stores nothing', async () => {
    let page: Promise<Response> | null = null;
    const run = login({
      onUrl: (url) => {
        const forged = new URL(url);
        forged.searchParams.set('state', 'attacker-state');
        page = clickLoginLink(forged.toString());
      },
    });

    await expect(run.promise).rejects.toMatchObject({ code: 'SPOTIFY.AUTH_STATE_MISMATCH' });
    expect((await page!).status).toBe(400);
    expect(await run.credentials.read()).toEqual({});
    expect(fake.callsTo('POST /api/token')).toHaveLength(0);
  });

  it('reports a declined authorisation', async () => {
    fake.declineNextAuthorization();
    const run = login({ onUrl: (url) => void clickLoginLink(url) });

    await expect(run.promise).rejects.toMatchObject({ code: 'SPOTIFY.AUTH_DECLINED' });
  });

  it('gives up after the timeout when the link is never opened', async () => {
    const run = login({ onUrl: () => undefined, timeoutMs: 200 });

    await expect(run.promise).rejects.toMatchObject({ code: 'SPOTIFY.AUTH_TIMEOUT' });
  });
});
