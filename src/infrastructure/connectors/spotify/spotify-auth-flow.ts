// Authorization Code with PKCE: the authorize URL, the loopback callback, the code exchange, and the
// user the tokens belong to. Storing the login is the caller's job (see spotify-login.ts).
import type { SpotifyUser } from '../../../application/ports/spotify.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { HttpClient } from '../http/http-client.js';
import { joinUrl, requireClientId, SPOTIFY_SCOPES, type SpotifyClientConfig } from './spotify-config.js';
import { mapUser } from './spotify-library-mapper.js';
import { startLoopbackCallback } from './spotify-loopback-server.js';
import { buildAuthorizeUrl, createPkcePair, createState } from './spotify-pkce.js';
import { SpotifyTokenEndpoint, type SpotifyTokens } from './spotify-token-endpoint.js';
import { asWire, type WireUserRef } from './spotify-wire.js';

export interface SpotifyLogin {
  readonly tokens: SpotifyTokens & { readonly refreshToken: string };
  readonly user: SpotifyUser;
}

export interface SpotifyAuthFlowOptions {
  readonly config: SpotifyClientConfig;
  readonly http: HttpClient;
  readonly now?: () => EpochMs;
  readonly scopes?: readonly string[];
}

export class SpotifyAuthFlow {
  private readonly endpoint: SpotifyTokenEndpoint;
  private readonly scopes: readonly string[];

  constructor(private readonly options: SpotifyAuthFlowOptions) {
    this.endpoint = new SpotifyTokenEndpoint(options.http, options.config, options.now ?? Date.now);
    this.scopes = options.scopes ?? SPOTIFY_SCOPES;
  }

  /**
   * Starts the callback server, hands the authorize URL to `onUrl`, waits for the redirect, and
   * exchanges the code. The server is closed however it ends.
   */
  async run(onUrl: (url: string) => void, timeoutMs: number): Promise<SpotifyLogin> {
    const { config } = this.options;
    const clientId = requireClientId(config);
    const pkce = createPkcePair();
    const state = createState();
    const callback = await startLoopbackCallback(config.redirectUri, state);
    let code: string;
    try {
      onUrl(
        buildAuthorizeUrl({
          accountsUrl: config.accountsUrl,
          clientId,
          redirectUri: callback.redirectUri,
          challenge: pkce.challenge,
          state,
          scopes: this.scopes,
        }),
      );
      code = await callback.waitForCode(timeoutMs);
    } finally {
      await callback.close();
    }
    const tokens = await this.endpoint.exchangeCode(code, pkce.verifier, callback.redirectUri);
    if (tokens.refreshToken === null) {
      throw new NaradaError(
        'SPOTIFY.NO_REFRESH_TOKEN',
        'Spotify completed the login without a refresh token, so it could not be kept; run `narada auth spotify` again',
      );
    }
    const user = await this.currentUser(tokens.accessToken);
    return { tokens: { ...tokens, refreshToken: tokens.refreshToken }, user };
  }

  /** Scopes asked for but not granted (the user can untick some on Spotify's page). */
  missingScopes(granted: string | null): string[] {
    if (granted === null) return [];
    const have = new Set(granted.split(/\s+/));
    return this.scopes.filter((scope) => !have.has(scope));
  }

  private async currentUser(accessToken: string): Promise<SpotifyUser> {
    const response = await this.options.http.request({
      method: 'GET',
      url: joinUrl(this.options.config.apiUrl, '/me'),
      headers: { authorization: `Bearer ${accessToken}` },
      endpoint: 'GET /me',
    });
    return mapUser(asWire<WireUserRef>(response.body));
  }
}
