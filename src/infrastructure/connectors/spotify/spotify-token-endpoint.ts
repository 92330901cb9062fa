// The accounts service's token endpoint: exchanging an authorisation code (PKCE) and refreshing.
import { AuthRequiredError, UpstreamError } from '../../../application/ports/upstream-errors.js';
import { ConfigurationError, NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { HttpClient } from '../http/http-client.js';
import { joinUrl, requireClientId, type SpotifyClientConfig } from './spotify-config.js';
import { asWire, type WireTokenResponse } from './spotify-wire.js';

export interface SpotifyTokens {
  readonly accessToken: string;
  readonly expiresAt: EpochMs;
  /** `null` when the refresh answer kept the old refresh token (plain auth-code refreshes do). */
  readonly refreshToken: string | null;
  readonly scope: string | null;
}

export const TOKEN_ENDPOINT = 'POST /api/token';

export class SpotifyTokenEndpoint {
  constructor(
    private readonly http: HttpClient,
    private readonly config: SpotifyClientConfig,
    private readonly now: () => EpochMs,
  ) {}

  async exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<SpotifyTokens> {
    try {
      return await this.post({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
    } catch (error) {
      throw (
        this.clientError(error) ??
        grantError(
          error,
          'SPOTIFY.AUTH_CODE_REJECTED',
          'Spotify refused the login code; run `narada auth spotify` again',
        )
      );
    }
  }

  /** An unusable refresh token (400 invalid_grant: revoked, expired, rotated) is AuthRequiredError. */
  async refresh(refreshToken: string): Promise<SpotifyTokens> {
    try {
      return await this.post({ grant_type: 'refresh_token', refresh_token: refreshToken });
    } catch (error) {
      const clientError = this.clientError(error);
      if (clientError !== null) throw clientError;
      if (error instanceof UpstreamError && error.status === 400) {
        throw new AuthRequiredError(
          'spotify',
          'Spotify no longer accepts the saved login (revoked or expired)',
          {
            status: 400,
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  private async post(form: Record<string, string>): Promise<SpotifyTokens> {
    const clientId = requireClientId(this.config);
    const secret = this.config.clientSecret ?? null;
    // Confidential clients authenticate with Basic; PKCE (public) clients name themselves in the body.
    const headers: Record<string, string> =
      secret === null || secret === ''
        ? {}
        : { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` };
    const body = secret === null || secret === '' ? { ...form, client_id: clientId } : form;
    const startedAt = this.now();
    const response = await this.http.request({
      method: 'POST',
      url: joinUrl(this.config.accountsUrl, '/api/token'),
      form: body,
      headers,
      endpoint: TOKEN_ENDPOINT,
    });
    const wire = asWire<WireTokenResponse>(response.body);
    if (typeof wire.access_token !== 'string' || wire.access_token === '') {
      throw new NaradaError(
        'SPOTIFY.BAD_TOKEN_RESPONSE',
        'Spotify answered the token request without an access token; try again',
        'failure',
        {
          retryable: true,
        },
      );
    }
    return {
      accessToken: wire.access_token,
      expiresAt: startedAt + (typeof wire.expires_in === 'number' ? wire.expires_in : 3600) * 1000,
      refreshToken:
        typeof wire.refresh_token === 'string' && wire.refresh_token !== '' ? wire.refresh_token : null,
      scope: typeof wire.scope === 'string' ? wire.scope : null,
    };
  }

  private clientError(error: unknown): ConfigurationError | null {
    if (!(error instanceof UpstreamError) || error.details.oauthError !== 'invalid_client') return null;
    return new ConfigurationError(
      'SPOTIFY.INVALID_CLIENT',
      'Spotify does not accept the configured app: check SPOTIFY_CLIENT_ID (and SPOTIFY_CLIENT_SECRET if set) against your app at https://developer.spotify.com/dashboard',
      { cause: error },
    );
  }
}

function grantError(error: unknown, code: string, message: string): unknown {
  return error instanceof UpstreamError && error.status === 400
    ? new NaradaError(code, message, 'failure', { cause: error })
    : error;
}
