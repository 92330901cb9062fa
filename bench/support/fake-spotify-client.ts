// The real Spotify client pointed at a fake, as the benches drive it, and its Web API call count.
import { type CallCounter } from '../../src/infrastructure/connectors/http/call-counter.js';
import { adaptiveLimiter } from '../../src/infrastructure/connectors/http/rate-limiter.js';
import { createSpotifyHttpClient } from '../../src/infrastructure/connectors/spotify/spotify-http.js';
import { SpotifyWebApiClient } from '../../src/infrastructure/connectors/spotify/spotify-web-api-client.js';
import type { FakeSpotify } from '../../test/fakes/spotify/fake-spotify.js';
import { MemoryCredentialStore } from '../../test/fakes/spotify/memory-credential-store.js';

export function spotifyClientFor(fake: FakeSpotify, calls: CallCounter): SpotifyWebApiClient {
  return new SpotifyWebApiClient({
    config: {
      apiUrl: fake.apiUrl,
      accountsUrl: fake.accountsUrl,
      clientId: fake.clientId,
      redirectUri: 'http://127.0.0.1:8888/callback',
      refreshToken: fake.issueRefreshToken(),
    },
    http: createSpotifyHttpClient({ limiter: adaptiveLimiter(), calls }),
    credentials: new MemoryCredentialStore(),
  });
}

/** Web API requests (the token refresh is the accounts service, not counted). */
export function spotifyApiCalls(calls: CallCounter): number {
  return calls.total('spotify') - (calls.snapshot()['spotify POST /api/token'] ?? 0);
}
