// `narada auth spotify`: runs the PKCE login in the user's browser and stores the refresh token.
import type { CredentialStore } from '../../../application/ports/credential-store.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { HttpClient } from '../http/http-client.js';
import { SpotifyAuthFlow } from './spotify-auth-flow.js';
import type { SpotifyClientConfig } from './spotify-config.js';

export interface LoginToSpotifyOptions {
  readonly config: SpotifyClientConfig;
  /** The process's Spotify HttpClient (`createSpotifyHttpClient`). */
  readonly http: HttpClient;
  readonly credentials: CredentialStore;
  /** Tries to open the URL in a browser; the URL is printed through `log` either way. */
  readonly openBrowser?: (url: string) => void;
  /** One line of output for the user (stderr in the CLI). Never receives secrets. */
  readonly log: (line: string) => void;
  readonly timeoutMs: number;
  readonly now?: () => EpochMs;
}

export interface SpotifyLoginResult {
  readonly userId: string;
  readonly displayName: string | null;
}

export async function loginToSpotify(options: LoginToSpotifyOptions): Promise<SpotifyLoginResult> {
  const flow = new SpotifyAuthFlow({
    config: options.config,
    http: options.http,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const { tokens, user } = await flow.run((url) => {
    options.log('Open this link in your browser and allow Narada to use your Spotify account:');
    options.log(url);
    if (options.openBrowser !== undefined) {
      try {
        options.openBrowser(url);
      } catch {
        options.log('(Could not open a browser; copy the link above.)');
      }
    }
    const redirect = new URL(url).searchParams.get('redirect_uri') ?? options.config.redirectUri;
    options.log(`Waiting for Spotify to redirect to ${redirect} …`);
  }, options.timeoutMs);
  await options.credentials.write({
    spotify: {
      refreshToken: tokens.refreshToken,
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.expiresAt,
      ...(tokens.scope === null ? {} : { scope: tokens.scope }),
      userId: user.id,
      ...(user.displayName === null ? {} : { displayName: user.displayName }),
    },
  });
  const missing = flow.missingScopes(tokens.scope);
  if (missing.length > 0) {
    options.log(
      `Spotify granted fewer permissions than asked; missing: ${missing.join(', ')}. Some commands will fail.`,
    );
  }
  options.log(`Logged in to Spotify as ${user.displayName ?? user.id} (${user.id}).`);
  return { userId: user.id, displayName: user.displayName };
}
