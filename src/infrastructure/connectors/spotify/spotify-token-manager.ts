// Keeps a valid access token: reuses the stored one while it lasts, refreshes before expiry and once
// after a 401, and persists rotated refresh tokens so a login survives Spotify's PKCE rotation.
import type {
  CredentialStore,
  SpotifyCredentials,
} from '../../../application/ports/credential-store.port.js';
import { AuthRequiredError } from '../../../application/ports/upstream-errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { SpotifyTokenEndpoint, SpotifyTokens } from './spotify-token-endpoint.js';

/** Refresh a little early so a token does not expire between our check and Spotify's. */
const EXPIRY_MARGIN_MS = 60_000;

/** Names both ways to log in; AuthRequiredError adds the command. */
const NO_LOGIN =
  "Narada has no Spotify login yet (set SPOTIFY_CLIENT_ID to your app's client id and log in, or set SPOTIFY_REFRESH_TOKEN)";

interface CurrentToken {
  readonly accessToken: string;
  readonly expiresAt: EpochMs;
}

interface RefreshCandidate {
  readonly refreshToken: string;
  readonly source: 'env' | 'stored';
}

export interface SpotifyTokenManagerOptions {
  readonly endpoint: SpotifyTokenEndpoint;
  readonly credentials: CredentialStore;
  /** `SPOTIFY_REFRESH_TOKEN`; wins over the stored login. */
  readonly envRefreshToken?: string | null;
  readonly now: () => EpochMs;
}

export class SpotifyTokenManager {
  private current: CurrentToken | null = null;
  private pending: Promise<string> | null = null;
  /** Access tokens Spotify refused: never reused, even when the store still holds them. */
  private readonly rejected = new Set<string>();

  constructor(private readonly options: SpotifyTokenManagerOptions) {}

  /** A token valid for at least a minute; concurrent callers share one refresh. */
  async accessToken(): Promise<string> {
    if (this.current !== null && this.isFresh(this.current)) return this.current.accessToken;
    this.pending ??= this.obtain().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Spotify answered 401 to `token`: forget it, so the next `accessToken()` refreshes. */
  reject(token: string): void {
    this.rejected.add(token);
    if (this.current?.accessToken === token) this.current = null;
  }

  private isFresh(token: CurrentToken): boolean {
    return !this.rejected.has(token.accessToken) && token.expiresAt - EXPIRY_MARGIN_MS > this.options.now();
  }

  private async obtain(): Promise<string> {
    const stored = (await this.options.credentials.read()).spotify;
    const reusable = this.storedAccessToken(stored);
    if (reusable !== null) {
      this.current = reusable;
      return reusable.accessToken;
    }
    const candidates = this.candidates(stored);
    if (candidates.length === 0) throw new AuthRequiredError('spotify', NO_LOGIN);
    let lastRefusal: AuthRequiredError | null = null;
    // The env token may have been rotated away by an earlier run; its successor is the stored one.
    for (const candidate of candidates) {
      try {
        const tokens = await this.options.endpoint.refresh(candidate.refreshToken);
        await this.persist(candidate, tokens, stored);
        this.current = { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
        return tokens.accessToken;
      } catch (error) {
        if (!(error instanceof AuthRequiredError)) throw error;
        lastRefusal = error;
      }
    }
    throw lastRefusal ?? new AuthRequiredError('spotify', NO_LOGIN);
  }

  /** The stored access token, when it belongs to the refresh token in use and still lasts. */
  private storedAccessToken(stored: SpotifyCredentials | undefined): CurrentToken | null {
    if (stored?.accessToken === undefined || stored.accessTokenExpiresAt === undefined) return null;
    const env = this.options.envRefreshToken ?? null;
    if (env !== null && env !== stored.refreshToken) return null;
    const token = { accessToken: stored.accessToken, expiresAt: stored.accessTokenExpiresAt };
    return this.isFresh(token) ? token : null;
  }

  private candidates(stored: SpotifyCredentials | undefined): RefreshCandidate[] {
    const list: RefreshCandidate[] = [];
    const env = this.options.envRefreshToken ?? null;
    if (env !== null && env !== '') list.push({ refreshToken: env, source: 'env' });
    if (stored?.refreshToken !== undefined && stored.refreshToken !== '' && stored.refreshToken !== env) {
      list.push({ refreshToken: stored.refreshToken, source: 'stored' });
    }
    return list;
  }

  /**
   * Stored logins get the new access token (saves a refresh next run) and any rotated refresh token.
   * An env login is written only when Spotify rotated it: the old one no longer works, and losing
   * the new one would lose the login.
   */
  private async persist(
    candidate: RefreshCandidate,
    tokens: SpotifyTokens,
    stored: SpotifyCredentials | undefined,
  ): Promise<void> {
    if (candidate.source === 'env' && tokens.refreshToken === null) return;
    const keep = candidate.source === 'stored' ? stored : undefined;
    await this.options.credentials.write({
      spotify: {
        ...keep,
        refreshToken: tokens.refreshToken ?? candidate.refreshToken,
        accessToken: tokens.accessToken,
        accessTokenExpiresAt: tokens.expiresAt,
        ...(tokens.scope === null ? {} : { scope: tokens.scope }),
      },
    });
  }
}
