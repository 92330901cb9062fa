// Which services are set up, from configuration and stored logins: what `narada status` and
// `narada auth status` show. Never returns a secret.
import type { CredentialStore } from '../../application/ports/credential-store.port.js';
import type { ServiceConnection } from '../../application/use-cases/status/show-status.js';
import type { NaradaConfig } from './config.js';

export async function serviceConnections(
  config: NaradaConfig,
  store: CredentialStore,
): Promise<ServiceConnection[]> {
  const stored = await store.read();
  const spotifyApp = config.spotify.clientId !== null;
  const spotifyLogin = config.spotify.refreshToken !== null || stored.spotify?.refreshToken !== undefined;
  const lastfmApp = config.lastfm.apiKey !== null && config.lastfm.apiSecret !== null;
  const lastfmSession = config.lastfm.sessionKey !== null || stored.lastfm?.sessionKey !== undefined;
  const lastfmUser = config.lastfm.username ?? stored.lastfm?.username ?? null;

  return [
    {
      service: 'spotify',
      state: spotifyApp && spotifyLogin ? 'connected' : spotifyApp ? 'configured' : 'not_configured',
      account: stored.spotify?.displayName ?? stored.spotify?.userId ?? null,
      hint: !spotifyApp
        ? 'set SPOTIFY_CLIENT_ID (and SPOTIFY_CLIENT_SECRET if your app has one), then run `narada auth spotify`'
        : spotifyLogin
          ? null
          : 'run `narada auth spotify` (or set SPOTIFY_REFRESH_TOKEN)',
    },
    {
      service: 'lastfm',
      state:
        lastfmApp && (lastfmSession || lastfmUser !== null)
          ? 'connected'
          : lastfmApp
            ? 'configured'
            : 'not_configured',
      account: lastfmUser,
      hint: !lastfmApp
        ? 'set LASTFM_API_KEY and LASTFM_API_SECRET, then run `narada auth lastfm`'
        : lastfmSession
          ? null
          : lastfmUser === null
            ? 'set LASTFM_USERNAME to read, and run `narada auth lastfm` to love and scrobble'
            : 'reading works; run `narada auth lastfm` to love and scrobble',
    },
    {
      service: 'musicbrainz',
      state: 'connected',
      account: null,
      hint: null,
    },
  ];
}
