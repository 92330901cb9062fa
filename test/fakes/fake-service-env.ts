// The environment variables that point Narada at the fakes, in one place: the demo, the end-to-end
// tests and the integration kits log in to the same fakes under the same names.
import type { FakeLastfm } from './lastfm/fake-lastfm.js';
import type { FakeMusicBrainz } from './musicbrainz/fake-musicbrainz.js';
import type { FakeSpotify } from './spotify/fake-spotify.js';

/** The fake Spotify's addresses and client id; logged in (a fresh refresh token) unless `login` is false. */
export function spotifyEnv(spotify: FakeSpotify, login = true): Record<string, string> {
  return {
    SPOTIFY_API_URL: spotify.apiUrl,
    SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
    SPOTIFY_CLIENT_ID: spotify.clientId,
    ...(login ? { SPOTIFY_REFRESH_TOKEN: spotify.issueRefreshToken() } : {}),
  };
}

/** What the CLI knows of Last.fm beyond its address and API key: each piece only where a test gives it. */
export interface LastfmLogin {
  readonly user?: string;
  /** Give LASTFM_API_SECRET, which signed calls (auth, loves, writes) need. */
  readonly signed?: boolean;
  /** A session key for `user` (none without one), so writes need no browser login. */
  readonly session?: boolean;
}

export function lastfmEnv(lastfm: FakeLastfm, login: LastfmLogin = {}): Record<string, string> {
  const { user } = login;
  return {
    LASTFM_API_URL: lastfm.url,
    LASTFM_API_KEY: lastfm.apiKey,
    ...(login.signed === true ? { LASTFM_API_SECRET: lastfm.secret } : {}),
    ...(user === undefined ? {} : { LASTFM_USERNAME: user }),
    ...(login.session === true && user !== undefined
      ? { LASTFM_SESSION_KEY: lastfm.createSession(user) }
      : {}),
  };
}

export function musicbrainzEnv(musicbrainz: FakeMusicBrainz): Record<string, string> {
  return { MUSICBRAINZ_API_URL: musicbrainz.url };
}
