// The fake's own rules, checked over HTTP, so tests that rely on it rely on Spotify's behaviour.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';

const FIXTURES = new URL('../../fixtures/spotify/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

let fake: FakeSpotify;
let token: string;

beforeEach(async () => {
  fake = await startFakeSpotify();
  token = fake.issueAccessToken();
});

afterEach(async () => {
  await fake.close();
});

async function api(
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

function tenTrackPlaylist(): { id: string; uris: string[] } {
  const uris = fake.addTracks(...Array.from({ length: 10 }, () => aFakeTrack())).map(trackUri);
  return { id: fake.addPlaylist({ entries: uris }).id, uris };
}

describe('fake Spotify: auth', () => {
  it('answers an expired token with the body Spotify sends', async () => {
    fake.expireAccessTokens();

    const answer = await api('/me');

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(fixture('error-401-expired-token.json'));
  });

  it('rejects a code exchange whose verifier does not match the challenge', async () => {
    const authorize = new URL(`${fake.accountsUrl}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: fake.clientId,
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:8888/callback',
      code_challenge_method: 'S256',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      state: 's',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const exchange = (verifier: string) =>
      fetch(`${fake.accountsUrl}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'http://127.0.0.1:8888/callback',
          client_id: fake.clientId,
          code_verifier: verifier,
        }),
      });

    const wrong = await exchange('not-the-verifier-not-the-verifier-not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    // RFC 7636 appendix B: this verifier hashes to the challenge above.
    const right = await exchange('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  it('answers a revoked refresh token with invalid_grant', async () => {
    const refreshToken = fake.issueRefreshToken();
    fake.revokeRefreshToken(refreshToken);

    const answer = await fetch(`${fake.accountsUrl}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: fake.clientId,
      }),
    });

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(fixture('token-error-refresh-revoked.json'));
  });
});

describe('fake Spotify: shapes and limits', () => {
  it('serves playlist entries with both `item` and `track`, and tracks without popularity', async () => {
    const { id } = tenTrackPlaylist();

    const page = (await api(`/playlists/${id}/items?limit=5`)).body as {
      items: Array<Record<string, unknown>>;
      next: string;
    };

    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.item).toEqual(page.items[0]!.track);
    expect(page.items[0]!.item).not.toHaveProperty('popularity');
    expect(new URL(page.next).searchParams.get('offset')).toBe('5');
  });

  it('refuses page sizes above the maximum', async () => {
    const { id } = tenTrackPlaylist();

    expect((await api(`/playlists/${id}/items?limit=101`)).status).toBe(400);
    expect((await api('/me/tracks?limit=51')).status).toBe(400);
    expect((await api('/me/playlists?limit=51')).status).toBe(400);
  });

  it('refuses more than 100 URIs per playlist write and more than 40 per library write', async () => {
    const { id } = tenTrackPlaylist();
    const many = fake.addTracks(...Array.from({ length: 101 }, () => aFakeTrack())).map(trackUri);

    expect((await api(`/playlists/${id}/items`, { method: 'POST', json: { uris: many } })).status).toBe(400);
    expect(
      (
        await api(`/playlists/${id}/items`, {
          method: 'DELETE',
          json: { items: many.map((uri) => ({ uri })) },
        })
      ).status,
    ).toBe(400);
    expect((await api(`/me/library?uris=${many.slice(0, 41).join(',')}`, { method: 'PUT' })).status).toBe(
      400,
    );
    expect((await api(`/me/library?uris=${many.slice(0, 40).join(',')}`, { method: 'PUT' })).status).toBe(
      200,
    );
  });

  it('forbids reading the items of a playlist the user neither owns nor collaborates on', async () => {
    const other = fake.addPlaylist({ ownerId: 'stranger', entries: tenTrackPlaylist().uris });

    expect((await api(`/playlists/${other.id}/items`)).status).toBe(403);
    const meta = (await api(`/playlists/${other.id}`)).body as { items: Record<string, unknown> };
    expect(meta.items).toEqual({ href: expect.any(String), total: 10 });
  });
});

describe('fake Spotify: playlist edits (fixtures README semantics)', () => {
  it.each([
    ['first of 10 to the end', { range_start: 0, insert_before: 10 }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]],
    ['last to the start', { range_start: 9, insert_before: 0 }, [9, 0, 1, 2, 3, 4, 5, 6, 7, 8]],
    [
      'items 9–10 to the start',
      { range_start: 8, range_length: 2, insert_before: 0 },
      [8, 9, 0, 1, 2, 3, 4, 5, 6, 7],
    ],
    [
      'two from the start to before index 5',
      { range_start: 0, range_length: 2, insert_before: 5 },
      [2, 3, 4, 0, 1, 5, 6, 7, 8, 9],
    ],
  ])('reorders: %s', async (_name, body, order) => {
    const { id, uris } = tenTrackPlaylist();
    const before = fake.playlist(id).snapshotId;

    const answer = await api(`/playlists/${id}/items`, { method: 'PUT', json: body });

    expect(answer.status).toBe(200);
    expect(fake.playlistUris(id)).toEqual(order.map((i) => uris[i]));
    expect((answer.body as { snapshot_id: string }).snapshot_id).not.toBe(before);
  });

  it('adds at a position with 201, removes every occurrence of a URI, accepts a stale snapshot id', async () => {
    const { id, uris } = tenTrackPlaylist();

    const added = await api(`/playlists/${id}/items`, {
      method: 'POST',
      json: { uris: [uris[0]], position: 5 },
    });
    expect(added.status).toBe(201);
    expect(fake.playlistUris(id).filter((u) => u === uris[0])).toHaveLength(2);

    const removed = await api(`/playlists/${id}/items`, {
      method: 'DELETE',
      json: { items: [{ uri: uris[0] }], snapshot_id: 'stale' },
    });
    expect(removed.status).toBe(200);
    expect(fake.playlistUris(id)).toEqual(uris.slice(1));
  });
});

describe('fake Spotify: seeded faults', () => {
  it('answers the same requests with the same 429s for the same seed, and expires tokens every so often', async () => {
    const statuses = async (): Promise<number[]> => {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) seen.push((await api('/me')).status);
      return seen;
    };
    const faults = { seed: 3, rateLimitShare: 0.2, retryAfterSeconds: 1 };
    fake.injectRandomFaults(faults);
    const first = await statuses();
    fake.injectRandomFaults(faults);
    expect(await statuses()).toEqual(first);
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);

    fake.injectRandomFaults({ seed: 3, expireTokensEvery: 2 });
    expect([(await api('/me')).status, (await api('/me')).status, (await api('/me')).status]).toEqual([
      200, 200, 401,
    ]);
  });

  it('sends the QUOTA_EXCEEDED body and Retry-After with its 429s', async () => {
    fake.injectRandomFaults({ seed: 1, rateLimitShare: 1, retryAfterSeconds: 1 });
    const response = await fetch(`${fake.apiUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' },
    });
  });
});
