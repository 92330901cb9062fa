// `narada auth lastfm`: token → the user approves it on Last.fm's page → session key, stored through
// the CredentialStore. Polls; never reads stdin. LASTFM_SESSION_KEY skips the browser entirely.
import type { CredentialStore } from '../../../application/ports/credential-store.port.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import { systemClock } from '../../clock/system-clock.js';
import { mapSession, mapToken } from './lastfm-auth-mapper.js';
import { TOKEN_NOT_AUTHORIZED, lastfmCodeOf } from './lastfm-errors.js';
import {
  DEFAULT_LASTFM_API_URL,
  LastfmTransport,
  type LastfmClientConfig,
  type LastfmHttp,
} from './lastfm-transport.js';
import { recordAt, textOf, unexpectedResponse } from './lastfm-wire.js';

export interface LastfmLoginOptions {
  readonly config: LastfmClientConfig;
  readonly http: LastfmHttp;
  readonly credentials: CredentialStore;
  /** Opens the approval page; when absent or failing, the printed URL is enough. */
  readonly openBrowser?: (url: string) => Promise<void> | void;
  /** Lines for the user (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** Between auth.getSession polls; default 3 s. */
  readonly pollIntervalMs?: number;
  /** Give up after this long; default 5 min. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** The page where the user approves `token`; a non-default endpoint serves it on its own origin. */
export function approvalUrl(apiUrl: string, apiKey: string, token: string): string {
  const endpoint = new URL(apiUrl);
  const page =
    endpoint.hostname === new URL(DEFAULT_LASTFM_API_URL).hostname
      ? new URL('https://www.last.fm/api/auth/')
      : new URL('/api/auth/', endpoint.origin);
  page.searchParams.set('api_key', apiKey);
  page.searchParams.set('token', token);
  return page.toString();
}

export async function loginToLastfm(options: LastfmLoginOptions): Promise<{ username: string }> {
  const { config, log } = options;
  const transport = new LastfmTransport(config, options.http, options.credentials);
  if (config.sessionKey) {
    // The key from the environment is used as is; checking it names the account it belongs to.
    const username = await sessionOwner(transport);
    log(`LASTFM_SESSION_KEY is set and belongs to ${username}; no browser login needed.`);
    return { username };
  }
  if (config.apiKey === null) {
    throw new ConfigurationError(
      'LASTFM.NO_API_KEY',
      'Set LASTFM_API_KEY and LASTFM_API_SECRET before `narada auth lastfm`',
    );
  }
  const token = mapToken(await transport.signed('auth.getToken', {}, false));
  const url = approvalUrl(config.apiUrl, config.apiKey, token);
  log(`Open this page and allow Narada to use your Last.fm account:\n  ${url}`);
  if (options.openBrowser) {
    try {
      await options.openBrowser(url);
    } catch {
      log('Could not open a browser; open the page above yourself.');
    }
  }
  const session = await pollForSession(transport, token, options);
  await options.credentials.write({ lastfm: { sessionKey: session.sessionKey, username: session.username } });
  return { username: session.username };
}

async function pollForSession(transport: LastfmTransport, token: string, options: LastfmLoginOptions) {
  const sleep = options.sleep ?? systemClock.sleep;
  const now = options.now ?? systemClock.now;
  const interval = options.pollIntervalMs ?? 3000;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = now() + timeoutMs;
  for (;;) {
    await sleep(interval);
    try {
      return mapSession(await transport.signed('auth.getSession', { token }, false));
    } catch (error) {
      if (lastfmCodeOf(error) !== TOKEN_NOT_AUTHORIZED) throw error;
    }
    if (now() >= deadline) {
      throw new ConfigurationError(
        'LASTFM.LOGIN_TIMEOUT',
        `The Last.fm page was not approved within ${Math.round(timeoutMs / 1000)} s; run \`narada auth lastfm\` again and allow access`,
      );
    }
  }
}

/** `user.getInfo` signed with the session key answers for the session's own user. */
async function sessionOwner(transport: LastfmTransport): Promise<string> {
  const body = await transport.signed('user.getInfo', {}, true);
  const name = textOf(recordAt(body, 'user').name);
  if (name === null) throw unexpectedResponse('user.getInfo', 'no user name');
  return name;
}
