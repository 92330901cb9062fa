// What the Spotify connector is configured with (passed in by the composition root, never read
// from the environment here), and the scopes Narada asks for.
import { ConfigurationError } from '../../../domain/shared/errors.js';

export interface SpotifyClientConfig {
  /** Web API base including `/v1`. */
  readonly apiUrl: string;
  /** Accounts origin; `/authorize` and `/api/token` are appended. */
  readonly accountsUrl: string;
  readonly clientId: string | null;
  /** Only for refresh tokens minted by a confidential-client flow; PKCE needs none. */
  readonly clientSecret?: string | null;
  /** Loopback redirect registered for the app; port 0 picks a free port (tests). */
  readonly redirectUri: string;
  /** `SPOTIFY_REFRESH_TOKEN`: a non-interactive login that wins over the stored one. */
  readonly refreshToken?: string | null;
}

/** Playlists (read and change, private and public, collaborative) and the saved-tracks library. */
export const SPOTIFY_SCOPES: readonly string[] = Object.freeze([
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
  'user-library-read',
  'user-library-modify',
]);

export function requireClientId(config: SpotifyClientConfig): string {
  if (config.clientId === null || config.clientId.trim() === '') {
    throw new ConfigurationError(
      'SPOTIFY.NO_CLIENT_ID',
      'SPOTIFY_CLIENT_ID is not set: create an app at https://developer.spotify.com/dashboard (redirect URI http://127.0.0.1:8888/callback) and set SPOTIFY_CLIENT_ID to its client id',
    );
  }
  return config.clientId.trim();
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
