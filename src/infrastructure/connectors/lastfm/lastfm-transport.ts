// One Last.fm call: the single endpoint with `method`, `api_key` and `format=json`; signed calls
// carry `api_sig` and go as POST forms. Also resolves whose account and session a call uses.
import type { CredentialStore, LastfmCredentials } from '../../../application/ports/credential-store.port.js';
import { AuthRequiredError } from '../../../application/ports/upstream-errors.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import type { HttpClient } from '../http/http-client.js';
import { lastfmError, lastfmErrorOf } from './lastfm-errors.js';
import { lastfmReadProblem } from './lastfm-http.js';
import { signLastfmParams } from './lastfm-signature.js';

export const DEFAULT_LASTFM_API_URL = 'https://ws.audioscrobbler.com/2.0/';

/** Structurally the `lastfm` section of NaradaConfig: absent values fail only when a call needs them. */
export interface LastfmClientConfig {
  /** The whole endpoint (LASTFM_API_URL). */
  readonly apiUrl: string;
  readonly apiKey: string | null;
  readonly apiSecret: string | null;
  readonly username: string | null;
  /** LASTFM_SESSION_KEY: wins over the stored login. */
  readonly sessionKey?: string | null;
}

export type LastfmHttp = Pick<HttpClient, 'request'>;
export type LastfmParams = Readonly<Record<string, string | number | undefined>>;

export class LastfmTransport {
  private stored: Promise<LastfmCredentials | null> | null = null;

  constructor(
    readonly config: LastfmClientConfig,
    private readonly http: LastfmHttp,
    private readonly credentials: CredentialStore | null = null,
  ) {}

  /** An unsigned GET (reads of public data). */
  async read(method: string, params: LastfmParams): Promise<unknown> {
    return (await this.readWithText(method, params)).body;
  }

  /**
   * `read`, with the text the body was parsed from (null if the HTTP client did not keep it). Only
   * reads are asked again when their answer is not whole: a write whose answer was lost may be done.
   */
  async readWithText(method: string, params: LastfmParams): Promise<{ body: unknown; text: string | null }> {
    const query = { ...definedStrings(params), method, api_key: this.apiKey(), format: 'json' };
    const response = await this.http.request({
      method: 'GET',
      url: this.config.apiUrl,
      query,
      endpoint: `GET ${method}`,
      whole: { problemOf: lastfmReadProblem, subject: `Last.fm's answer to ${method}` },
    });
    return { body: checked(response.status, response.body), text: response.text ?? null };
  }

  /** A signed POST; `withSession` adds the session key (write calls). */
  async signed(method: string, params: LastfmParams, withSession: boolean): Promise<unknown> {
    const secret = this.apiSecret();
    const form: Record<string, string> = { ...definedStrings(params), method, api_key: this.apiKey() };
    if (withSession) form.sk = (await this.session()).sessionKey;
    form.api_sig = signLastfmParams(form, secret);
    form.format = 'json';
    const response = await this.http.request({
      method: 'POST',
      url: this.config.apiUrl,
      form,
      endpoint: `POST ${method}`,
    });
    return checked(response.status, response.body);
  }

  /** `explicit`, else LASTFM_USERNAME, else the stored login's user. */
  async username(explicit?: string): Promise<string> {
    const name = explicit ?? (await this.knownUsername());
    if (name === null) {
      throw new ConfigurationError(
        'LASTFM.NO_USERNAME',
        'No Last.fm user is known; set LASTFM_USERNAME or run `narada auth lastfm`',
      );
    }
    return name;
  }

  async knownUsername(): Promise<string | null> {
    return this.config.username ?? (await this.storedLogin())?.username ?? null;
  }

  /** LASTFM_SESSION_KEY wins over the stored login. */
  async session(): Promise<{ sessionKey: string }> {
    const sessionKey = this.config.sessionKey ?? (await this.storedLogin())?.sessionKey ?? null;
    if (sessionKey === null) {
      throw new AuthRequiredError(
        'lastfm',
        'loving and scrobbling need a Last.fm session (or LASTFM_SESSION_KEY)',
      );
    }
    return { sessionKey };
  }

  async hasSession(): Promise<boolean> {
    return (this.config.sessionKey ?? (await this.storedLogin())?.sessionKey ?? null) !== null;
  }

  private storedLogin(): Promise<LastfmCredentials | null> {
    this.stored ??= this.credentials?.read().then((c) => c.lastfm ?? null) ?? Promise.resolve(null);
    return this.stored;
  }

  private apiKey(): string {
    if (this.config.apiKey === null) {
      throw new ConfigurationError(
        'LASTFM.NO_API_KEY',
        'LASTFM_API_KEY is not set; create a Last.fm API account at https://www.last.fm/api/account/create and set LASTFM_API_KEY and LASTFM_API_SECRET',
      );
    }
    return this.config.apiKey;
  }

  private apiSecret(): string {
    if (this.config.apiSecret === null) {
      throw new ConfigurationError(
        'LASTFM.NO_API_SECRET',
        'LASTFM_API_SECRET is not set; Last.fm needs the shared secret of your API account for logins, loves and scrobbles',
      );
    }
    return this.config.apiSecret;
  }
}

/** Errors in a 2xx body are thrown too, so a client built without Last.fm's classifier stays safe. */
function checked(status: number, body: unknown): unknown {
  const envelope = lastfmErrorOf(body);
  if (envelope !== null) throw lastfmError(envelope, status);
  return body;
}

function definedStrings(params: LastfmParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = String(value);
  return out;
}
