// Authorised Web API calls: bearer token from the token manager, one transparent refresh and retry
// on 401, and paging that follows Spotify's `next` links as given, every page checked whole.
import { AuthRequiredError } from '../../../application/ports/upstream-errors.js';
import type { HttpClient } from '../http/http-client.js';
import type { HttpResponse } from '../http/http-message.js';
import type { SpotifyCall, SpotifyCaller } from './spotify-call.js';
import { readPage } from './spotify-checked-read.js';
import { joinUrl } from './spotify-config.js';
import { upstreamStatus } from './spotify-errors.js';
import type { SpotifyTokenManager } from './spotify-token-manager.js';
import { asWire, type WirePage } from './spotify-wire.js';

export class SpotifyApi implements SpotifyCaller {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: SpotifyTokenManager,
    private readonly apiUrl: string,
  ) {}

  async call<T = unknown>(call: SpotifyCall): Promise<HttpResponse<T>> {
    const token = await this.tokens.accessToken();
    try {
      return await this.send<T>(call, token);
    } catch (error) {
      if (upstreamStatus(error) !== 401) throw error;
      // Expired or revoked early: one refresh and one retry; a second 401 means the login is bad.
      this.tokens.reject(token);
      const fresh = await this.tokens.accessToken();
      try {
        return await this.send<T>(call, fresh);
      } catch (retryError) {
        if (upstreamStatus(retryError) !== 401) throw retryError;
        this.tokens.reject(fresh);
        throw new AuthRequiredError('spotify', 'Spotify refused a freshly refreshed access token', {
          status: 401,
          cause: retryError,
          details: { endpoint: call.endpoint },
        });
      }
    }
  }

  /** The JSON body of a successful call, as wire type `T` (fields still read defensively). */
  async json<T>(call: SpotifyCall): Promise<T> {
    return asWire<T>((await this.call(call)).body);
  }

  /**
   * Every page from `first` on, following `next` exactly as Spotify sends it. Stops if a link
   * repeats, so a misbehaving server cannot loop us forever. Each page is read whole or the read
   * fails (a cut-short page taken as the end would make a partial list pass for the whole one): by
   * default through `readPage`, the list named by its endpoint; a caller may pass its own checked
   * reader to name the list better.
   */
  async *pages<T>(
    first: SpotifyCall,
    firstPage?: WirePage<T>,
    read: (call: SpotifyCall) => Promise<WirePage<T>> = (call) =>
      readPage<T>(this, call, `The Spotify list ${first.endpoint}`),
  ): AsyncGenerator<WirePage<T>> {
    const seen = new Set<string>();
    let page = firstPage ?? (await read(first));
    for (;;) {
      yield page;
      const next = page.next;
      if (typeof next !== 'string' || next === '' || seen.has(next)) return;
      seen.add(next);
      page = await read({ method: 'GET', path: next, endpoint: first.endpoint });
    }
  }

  private send<T>(call: SpotifyCall, token: string): Promise<HttpResponse<T>> {
    const url = /^https?:\/\//.test(call.path) ? call.path : joinUrl(this.apiUrl, call.path);
    return this.http.request<T>({
      method: call.method,
      url,
      ...(call.query === undefined ? {} : { query: call.query }),
      ...(call.json === undefined ? {} : { json: call.json }),
      ...(call.whole === undefined ? {} : { whole: call.whole }),
      headers: { authorization: `Bearer ${token}` },
      endpoint: call.endpoint,
    });
  }
}
