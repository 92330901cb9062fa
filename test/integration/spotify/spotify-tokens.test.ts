import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AuthRequiredError } from '../../../src/application/ports/upstream-errors.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { spotifyRig } from './spotify-test-kit.js';

let fake: FakeSpotify;

beforeEach(async () => {
  fake = await startFakeSpotify();
});

afterEach(async () => {
  await fake.close();
});

function seedPlaylist(n: number): string {
  const tracks = fake.addTracks(...Array.from({ length: n }, () => aFakeTrack()));
  return fake.addPlaylist({ entries: tracks.map(trackUri) }).id;
}

describe('access tokens', () => {
  it('refreshes transparently when the access token expires in the middle of a read', async () => {
    const playlistId = seedPlaylist(450);
    const { client } = spotifyRig(fake);
    fake.expireAccessTokens({ afterRequests: 2 });

    const playlist = await client.getPlaylist(playlistId);

    expect(playlist.entries).toHaveLength(450);
    expect(fake.apiCalls().filter((r) => r.status === 401)).toHaveLength(1);
    expect(fake.callsTo('POST /api/token')).toHaveLength(2);
    const retried = fake.apiCalls().findIndex((r) => r.status === 401);
    expect(fake.apiCalls()[retried + 1]!.query).toBe(fake.apiCalls()[retried]!.query);
  });

  it('refreshes before the access token expires, without waiting for a 401', async () => {
    const { client, clock } = spotifyRig(fake);
    await client.getCurrentUser();
    await clock.sleep(3_590_000);

    await client.getCurrentUser();

    expect(fake.callsTo('POST /api/token')).toHaveLength(2);
    expect(fake.apiCalls().map((r) => r.status)).toEqual([200, 200]);
  });

  it('refreshes once for many concurrent requests that all meet an expired token', async () => {
    const ids = fake.addTracks(...Array.from({ length: 8 }, () => aFakeTrack())).map((t) => t.id);
    const { client } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.expireAccessTokens();

    const found = await client.getTracks(ids);

    expect(found.size).toBe(8);
    expect(fake.callsTo('POST /api/token')).toHaveLength(2);
  });

  it('reuses a stored access token that is still valid instead of refreshing', async () => {
    const refreshToken = fake.issueRefreshToken();
    const accessToken = fake.issueAccessToken();
    const { client } = spotifyRig(fake, {
      stored: { spotify: { refreshToken, accessToken, accessTokenExpiresAt: Date.now() + 3_000_000 } },
    });

    await client.getCurrentUser();

    expect(fake.callsTo('POST /api/token')).toHaveLength(0);
  });

  it('keeps the stored refresh token when the refresh answer omits it, and stores the new access token', async () => {
    const refreshToken = fake.issueRefreshToken();
    const { client, credentials } = spotifyRig(fake, { stored: { spotify: { refreshToken, userId: 'me' } } });

    await client.getCurrentUser();

    const stored = (await credentials.read()).spotify;
    expect(stored?.refreshToken).toBe(refreshToken);
    expect(stored?.userId).toBe('me');
    expect(stored?.accessToken).toBeTruthy();
  });

  it('stores the new refresh token when Spotify rotates it', async () => {
    await fake.close();
    fake = await startFakeSpotify({ rotateRefreshTokens: true });
    const refreshToken = fake.issueRefreshToken();
    const { client, credentials } = spotifyRig(fake, { stored: { spotify: { refreshToken } } });

    await client.getCurrentUser();

    const stored = (await credentials.read()).spotify?.refreshToken;
    expect(stored).not.toBe(refreshToken);
    expect(fake.isRefreshTokenValid(stored!)).toBe(true);
  });

  it('falls back to the stored successor when SPOTIFY_REFRESH_TOKEN was rotated away by an earlier run', async () => {
    await fake.close();
    fake = await startFakeSpotify({ rotateRefreshTokens: true });
    const envToken = fake.issueRefreshToken();
    const first = spotifyRig(fake, { config: { refreshToken: envToken } });
    await first.client.getCurrentUser();
    const rotated = (await first.credentials.read()).spotify?.refreshToken;
    expect(rotated).toBeTruthy();
    expect(fake.isRefreshTokenValid(envToken)).toBe(false);

    const second = spotifyRig(fake, {
      config: { refreshToken: envToken },
      stored: await first.credentials.read(),
    });
    const tokenCallsBefore = fake.callsTo('POST /api/token').length;

    expect((await second.client.getCurrentUser()).id).toBe(fake.defaultUserId);
    expect(
      fake
        .callsTo('POST /api/token')
        .slice(tokenCallsBefore)
        .map((r) => r.status),
    ).toEqual([400, 200]);
  });

  it('does not write an env login to the store when Spotify does not rotate it', async () => {
    const { client, credentials } = spotifyRig(fake);

    await client.getCurrentUser();

    expect(credentials.writes).toBe(0);
  });

  it('asks the user to run `narada auth spotify` when the refresh token is revoked, without leaking it', async () => {
    const refreshToken = fake.issueRefreshToken();
    fake.revokeRefreshToken(refreshToken);
    const { client } = spotifyRig(fake, { config: { refreshToken } });

    const error = await client.getCurrentUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthRequiredError);
    expect((error as Error).message).toContain('narada auth spotify');
    expect((error as Error).message).not.toContain(refreshToken);
    expect(JSON.stringify((error as AuthRequiredError).details)).not.toContain(refreshToken);
  });

  it('asks for a login when there is none at all, and reports it as a status', async () => {
    const { client } = spotifyRig(fake, { stored: {} });

    await expect(client.getCurrentUser()).rejects.toBeInstanceOf(AuthRequiredError);
    const status = await client.whoAmI();
    expect(status.loggedIn).toBe(false);
    expect(!status.loggedIn && status.reason).toContain('narada auth spotify');
  });

  it('reports a missing client id as a configuration problem', async () => {
    const { client } = spotifyRig(fake, { config: { clientId: null } });

    await expect(client.getCurrentUser()).rejects.toMatchObject({
      code: 'SPOTIFY.NO_CLIENT_ID',
      category: 'config',
    });
  });

  it('reports a client id Spotify does not know as a configuration problem', async () => {
    const { client } = spotifyRig(fake, { config: { clientId: 'not-registered' } });

    await expect(client.getCurrentUser()).rejects.toMatchObject({ code: 'SPOTIFY.INVALID_CLIENT' });
  });

  it('gives up with AuthRequiredError when even a fresh token is refused', async () => {
    await fake.close();
    fake = await startFakeSpotify({ accessTokenLifetimeSeconds: 0 });
    const rig = spotifyRig(fake);

    await expect(rig.client.getCurrentUser()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(fake.apiCalls().map((r) => r.status)).toEqual([401, 401]);
  });
});
