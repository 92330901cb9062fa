// Wiring for the Last.fm integration tests: the fake on 127.0.0.1, the real HTTP client with
// Last.fm's classifier (waits shortened), the real LastfmApiClient, and an in-memory login store.
import type {
  CredentialStore,
  StoredCredentials,
} from '../../../src/application/ports/credential-store.port.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import type { HttpClient } from '../../../src/infrastructure/connectors/http/http-client.js';
import { tokenBucketLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { LastfmApiClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import { createLastfmHttpClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-http.js';
import type { LastfmClientConfig } from '../../../src/infrastructure/connectors/lastfm/lastfm-transport.js';
import { startFakeLastfm, type FakeLastfm, type FakeLastfmOptions } from '../../fakes/lastfm/fake-lastfm.js';

export class InMemoryCredentialStore implements CredentialStore {
  constructor(private stored: StoredCredentials = {}) {}

  async read(): Promise<StoredCredentials> {
    return this.stored;
  }

  async write(update: Partial<StoredCredentials>): Promise<void> {
    this.stored = { ...this.stored, ...update };
  }
}

export interface LastfmKit {
  readonly fake: FakeLastfm;
  readonly config: LastfmClientConfig;
  readonly http: HttpClient;
  readonly calls: CallCounter;
  readonly credentials: InMemoryCredentialStore;
  readonly client: LastfmApiClient;
}

export interface LastfmKitOptions {
  readonly fake?: FakeLastfmOptions;
  /** Overrides of the client configuration (a wrong secret, no username, ...). */
  readonly config?: Partial<LastfmClientConfig>;
  /** Log this user in through LASTFM_SESSION_KEY. */
  readonly sessionFor?: string;
  readonly stored?: StoredCredentials;
  readonly maxAttempts?: number;
  /** The most a call waits on error 29s in all (NARADA_MAX_RETRY_AFTER_MINUTES). */
  readonly maxRetryAfterMs?: number;
}

export function lastfmHttp(calls: CallCounter, maxAttempts = 5, maxRetryAfterMs?: number): HttpClient {
  return createLastfmHttpClient({
    limiter: tokenBucketLimiter(1000, 1000),
    calls,
    // Real backoff, only shorter, so retry tests stay fast.
    retry: {
      baseDelayMs: 1,
      maxDelayMs: 4,
      maxAttempts,
      ...(maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs }),
    },
  });
}

export async function startLastfmKit(options: LastfmKitOptions = {}): Promise<LastfmKit> {
  const fake = await startFakeLastfm(options.fake);
  fake.addUser('listener');
  const config: LastfmClientConfig = {
    apiUrl: fake.url,
    apiKey: fake.apiKey,
    apiSecret: fake.secret,
    username: 'listener',
    sessionKey: options.sessionFor === undefined ? null : fake.createSession(options.sessionFor),
    ...options.config,
  };
  const calls = new CallCounter();
  const http = lastfmHttp(calls, options.maxAttempts, options.maxRetryAfterMs);
  const credentials = new InMemoryCredentialStore(options.stored);
  const client = new LastfmApiClient({ config, http, credentials });
  return { fake, config, http, calls, credentials, client };
}
