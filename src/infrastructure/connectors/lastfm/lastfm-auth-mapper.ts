// Pure mapping of the auth responses: `auth.getToken` → token, `auth.getSession` → session.
import { isRecord, recordAt, textOf, unexpectedResponse } from './lastfm-wire.js';

export function mapToken(body: unknown): string {
  const token = isRecord(body) ? textOf(body.token) : null;
  if (token === null) throw unexpectedResponse('auth.getToken', 'no token');
  return token;
}

export interface LastfmSession {
  readonly username: string;
  readonly sessionKey: string;
}

export function mapSession(body: unknown): LastfmSession {
  const session = recordAt(body, 'session');
  const username = textOf(session.name);
  const sessionKey = textOf(session.key);
  if (username === null || sessionKey === null) throw unexpectedResponse('auth.getSession', 'no session');
  return { username, sessionKey };
}
