// The fake accounts service: `/authorize` approves at once and redirects with a code (a test "clicks"
// the login URL with fetch), `/api/token` exchanges codes (PKCE S256 checked) and refresh tokens.
import { createHash } from 'node:crypto';
import type { FakeHttpServer, FakeRequest, FakeResponse } from '../fake-http-server.js';
import { oauthError, type FakeSpotifyContext } from './fake-spotify-context.js';
import { fakeSecret } from './fake-spotify-model.js';

export interface FakeAccountsSettings {
  readonly clientId: string;
  readonly clientSecret: string | null;
  accessTokenLifetimeSeconds: number;
  /** PKCE-style refresh: answer with a new refresh token and revoke the old one. */
  rotateRefreshTokens: boolean;
  /** Who approves `/authorize` requests. */
  authorizingUser: string;
  /** The next authorisation is declined (`error=access_denied`). */
  declineNext: boolean;
}

export class FakeSpotifyAccounts {
  private issued = 0;

  constructor(
    private readonly ctx: FakeSpotifyContext,
    readonly settings: FakeAccountsSettings,
  ) {}

  register(server: FakeHttpServer): void {
    server.route('GET', '/authorize', (req) => this.authorize(req));
    server.route('POST', '/api/token', (req) => this.token(req));
  }

  issueRefreshToken(userId: string, scope: string): string {
    const token = fakeSecret('rt', ++this.issued);
    this.ctx.state.refreshTokens.set(token, {
      userId,
      clientId: this.settings.clientId,
      scope,
      revoked: false,
    });
    return token;
  }

  issueAccessToken(userId: string, scope: string): string {
    const token = fakeSecret('at', ++this.issued);
    const expiresAt = this.ctx.now() + this.settings.accessTokenLifetimeSeconds * 1000;
    this.ctx.state.accessTokens.set(token, { userId, scope, expiresAt });
    return token;
  }

  private authorize(req: FakeRequest): FakeResponse {
    const q = req.query;
    if (q.get('client_id') !== this.settings.clientId) return page(400, 'INVALID_CLIENT: Invalid client');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!isAllowedRedirect(redirectUri)) return page(400, 'INVALID_CLIENT: Insecure redirect URI');
    if (q.get('response_type') !== 'code') return page(400, 'unsupported_response_type');
    const challenge = q.get('code_challenge');
    if (challenge !== null && q.get('code_challenge_method') !== 'S256') {
      return page(400, 'code_challenge_method must be S256');
    }
    const target = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    if (this.settings.declineNext) {
      this.settings.declineNext = false;
      target.searchParams.set('error', 'access_denied');
      return redirect(target);
    }
    const code = fakeSecret('code', ++this.issued);
    this.ctx.state.codes.set(code, {
      userId: this.settings.authorizingUser,
      clientId: this.settings.clientId,
      redirectUri,
      scope: q.get('scope') ?? '',
      codeChallenge: challenge,
      used: false,
    });
    target.searchParams.set('code', code);
    return redirect(target);
  }

  private token(req: FakeRequest): FakeResponse {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    const client = this.authenticateClient(req, form);
    if (client !== null) return client;
    if (form.grant_type === 'authorization_code') return this.exchangeCode(form);
    if (form.grant_type === 'refresh_token') return this.refresh(form);
    return oauthError('unsupported_grant_type', `grant_type must be authorization_code or refresh_token`);
  }

  /** Public (PKCE) clients send `client_id`; confidential ones a Basic header with the secret. */
  private authenticateClient(
    req: FakeRequest,
    form: Record<string, string | undefined>,
  ): FakeResponse | null {
    const header = req.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      const ok = id === this.settings.clientId && secret === this.settings.clientSecret;
      return ok ? null : oauthError('invalid_client', 'Invalid client');
    }
    return form.client_id === this.settings.clientId ? null : oauthError('invalid_client', 'Invalid client');
  }

  private exchangeCode(form: Record<string, string | undefined>): FakeResponse {
    const record = form.code === undefined ? undefined : this.ctx.state.codes.get(form.code);
    if (record === undefined || record.used) return oauthError('invalid_grant', 'Invalid authorization code');
    if (form.redirect_uri !== record.redirectUri) return oauthError('invalid_grant', 'Invalid redirect URI');
    if (record.codeChallenge !== null) {
      const verifier = form.code_verifier ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== record.codeChallenge)
        return oauthError('invalid_grant', 'code_verifier was incorrect');
    }
    record.used = true;
    return {
      status: 200,
      body: {
        access_token: this.issueAccessToken(record.userId, record.scope),
        token_type: 'Bearer',
        scope: record.scope,
        expires_in: this.settings.accessTokenLifetimeSeconds,
        refresh_token: this.issueRefreshToken(record.userId, record.scope),
      },
    };
  }

  private refresh(form: Record<string, string | undefined>): FakeResponse {
    const token = form.refresh_token;
    const record = token === undefined ? undefined : this.ctx.state.refreshTokens.get(token);
    if (token === undefined || record === undefined || record.revoked) {
      return oauthError('invalid_grant', 'Refresh token revoked');
    }
    const body: Record<string, unknown> = {
      access_token: this.issueAccessToken(record.userId, record.scope),
      token_type: 'Bearer',
      scope: record.scope,
      expires_in: this.settings.accessTokenLifetimeSeconds,
    };
    if (this.settings.rotateRefreshTokens) {
      record.revoked = true;
      body.refresh_token = this.issueRefreshToken(record.userId, record.scope);
    }
    return { status: 200, body };
  }
}

/** Spotify accepts plain http only for loopback IP literals (not `localhost`) since 2025. */
function isAllowedRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', '[::1]'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}

function redirect(target: URL): FakeResponse {
  return { status: 302, headers: { location: target.toString() } };
}

function page(status: number, text: string): FakeResponse {
  return { status, body: text, raw: true, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}
