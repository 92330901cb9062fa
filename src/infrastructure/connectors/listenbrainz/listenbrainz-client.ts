// The ListenBrainz API client: `GET /1/validate-token` and `POST /1/submit-listens`, authorised with
// `Authorization: Token <token>`. Beyond the 429s the HTTP client waits out, it paces itself: when an
// answer says no request is left in the window (X-RateLimit-Remaining 0), the next waits Reset-In.
import type { ListenBrainzPort } from '../../../application/ports/listenbrainz.port.js';
import type { ExportedListen } from '../../../application/ports/listen-export-store.port.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import { systemClock } from '../../clock/system-clock.js';
import type { HttpClient } from '../http/http-client.js';
import type { HttpResponse } from '../http/http-message.js';
import { badTokenError, remainingRequests, resetInMs } from './listenbrainz-http.js';
import { MAX_LISTENS_PER_REQUEST, submitImportPayload } from './listenbrainz-wire.js';

export interface ListenBrainzClientOptions {
  readonly apiUrl: string;
  readonly token: string | null;
  readonly http: HttpClient;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

interface ValidateTokenBody {
  readonly valid?: boolean;
  readonly user_name?: string;
  readonly message?: string;
}

export class ListenBrainzClient implements ListenBrainzPort {
  readonly server: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** No request before this instant: the server said the window's requests are spent. */
  private pausedUntil = 0;

  constructor(private readonly options: ListenBrainzClientOptions) {
    this.server = options.apiUrl;
    this.sleep = options.sleep ?? systemClock.sleep;
    this.now = options.now ?? systemClock.now;
  }

  async whoAmI(): Promise<string> {
    const response = await this.call<ValidateTokenBody>({
      method: 'GET',
      url: `${this.server}/1/validate-token`,
      endpoint: 'GET /1/validate-token',
    });
    const body = response.body;
    if (body?.valid !== true || typeof body.user_name !== 'string')
      throw badTokenError(body?.message ?? null);
    return body.user_name;
  }

  async submitImport(listens: readonly ExportedListen[]): Promise<void> {
    if (listens.length === 0) return;
    if (listens.length > MAX_LISTENS_PER_REQUEST) {
      throw new RangeError(`at most ${MAX_LISTENS_PER_REQUEST} listens a request, got ${listens.length}`);
    }
    await this.call({
      method: 'POST',
      url: `${this.server}/1/submit-listens`,
      endpoint: 'POST /1/submit-listens',
      json: submitImportPayload(listens),
    });
  }

  private async call<T>(request: {
    method: 'GET' | 'POST';
    url: string;
    endpoint: string;
    json?: unknown;
  }): Promise<HttpResponse<T>> {
    if (this.options.token === null) {
      throw new ConfigurationError(
        'LISTENBRAINZ.NO_TOKEN',
        'No ListenBrainz user token: set LISTENBRAINZ_TOKEN to the token shown at https://listenbrainz.org/settings/ (or add --dry-run to only see what would be sent)',
      );
    }
    const wait = this.pausedUntil - this.now();
    if (wait > 0) await this.sleep(wait);
    const response = await this.options.http.request<T>({
      ...request,
      headers: { Authorization: `Token ${this.options.token}` },
    });
    const resetIn = resetInMs(response.headers);
    if (remainingRequests(response.headers) === 0 && resetIn !== null)
      this.pausedUntil = this.now() + resetIn;
    return response;
  }
}
