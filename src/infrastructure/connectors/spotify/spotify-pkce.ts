// PKCE (RFC 7636, S256) and the authorize URL; pure apart from the random bytes passed in.
import { createHash, randomBytes } from 'node:crypto';
import { joinUrl } from './spotify-config.js';

export interface PkcePair {
  /** 43–128 characters of [A-Za-z0-9-._~]; kept secret until the code exchange. */
  readonly verifier: string;
  readonly challenge: string;
}

export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** 64 random bytes give an 86-character verifier, inside RFC 7636's 43–128. */
export function createPkcePair(random: (size: number) => Buffer = randomBytes): PkcePair {
  const verifier = random(64).toString('base64url');
  return { verifier, challenge: codeChallenge(verifier) };
}

export function createState(random: (size: number) => Buffer = randomBytes): string {
  return random(24).toString('base64url');
}

export interface AuthorizeUrlParams {
  readonly accountsUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly state: string;
  readonly scopes: readonly string[];
}

export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
  const url = new URL(joinUrl(params.accountsUrl, '/authorize'));
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('code_challenge', params.challenge);
  url.searchParams.set('state', params.state);
  url.searchParams.set('scope', params.scopes.join(' '));
  return url.toString();
}
