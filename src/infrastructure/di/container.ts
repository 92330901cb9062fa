// The composition root: the one place that knows concrete classes, wiring ports to adapters for a
// CLI invocation. Shared parts are bound here, each feature's in di/modules/*, all with factories
// (use cases stay plain classes), built on first use. Each factory imports what it builds, so loading
// the wiring loads no adapter: a command loads only the parts it asks for (TypeORM only with the database).
import { systemClock } from '../clock/system-clock.js';
import type { RetryListener } from '../connectors/http/http-client.js';
import { describeLongWait, type LongWaitListener } from '../connectors/http/long-wait.js';
import type { NaradaDatabase } from '../persistence/open-database.js';
import type { AppContainerDeps } from './modules/feature-module.js';
import { FEATURE_MODULES } from './modules/index.js';
import { TOKENS, type Token } from './tokens.js';
import { Wiring } from './wiring.js';

export interface AppContainer {
  get<T>(token: Token<T>): Promise<T>;
  close(): Promise<void>;
}

export function createAppContainer(deps: AppContainerDeps): AppContainer {
  const { config, logger, progress } = deps;
  const wiring = new Wiring();
  let database: NaradaDatabase | null = null;
  const retry = { maxRetryAfterMs: config.maxRetryAfterMs };
  // A paused command must not look hung: long waits of any service are said, and logged.
  const onLongWait: LongWaitListener = (wait) => {
    const line = describeLongWait(wait);
    logger.info(line, {
      service: wait.service,
      waitMs: wait.waitMs,
      until: new Date(wait.until).toISOString(),
    });
    deps.notice?.(line);
  };
  // Every retry goes to the log (not to the terminal): what was asked again, after which attempt, why.
  const onRetry: RetryListener = (wait) =>
    logger.record('warn', `${wait.endpoint}: attempt ${wait.attempt} failed; retrying`, {
      service: wait.service,
      endpoint: wait.endpoint,
      attempt: wait.attempt,
      reason: wait.reason,
      slowDown: wait.slowDown,
      waitMs: wait.waitMs,
    });

  // What every HTTP client gets: the user's retry budget, and where its waits and retries are told.
  const hooks = { retry, onLongWait, onRetry };

  wiring.bind(TOKENS.Config, () => config);
  wiring.bind(TOKENS.Logger, () => logger);
  wiring.bind(TOKENS.Progress, () => (typeof progress === 'function' ? progress() : progress));
  wiring.bind(TOKENS.Clock, () => systemClock);
  wiring.bind(TOKENS.CredentialStore, async () => {
    const { FileCredentialStore } = await import('../config/file-credential-store.js');
    return new FileCredentialStore(config.credentialsFile);
  });
  wiring.bind(TOKENS.CallCounter, async () => {
    const { CallCounter } = await import('../connectors/http/call-counter.js');
    return new CallCounter();
  });

  wiring.bind(TOKENS.Database, async () => {
    const { openDatabase } = await import('../persistence/open-database.js');
    database = await openDatabase({
      path: config.databasePath,
      url: config.databaseUrl,
      lockWaitMs: config.databaseWaitMs,
    });
    return database;
  });
  wiring.bind(TOKENS.Repositories, async (get) => {
    const { createRepositories } = await import('../persistence/repositories.js');
    return createRepositories(await get(TOKENS.Database));
  });

  wiring.bind(TOKENS.LastfmHttp, async (get) => {
    const { tokenBucketLimiter } = await import('../connectors/http/rate-limiter.js');
    const { createLastfmHttpClient } = await import('../connectors/lastfm/lastfm-http.js');
    return createLastfmHttpClient({
      limiter: tokenBucketLimiter(5, 5),
      calls: await get(TOKENS.CallCounter),
      userAgent: config.userAgent,
      ...hooks,
    });
  });
  wiring.bind(TOKENS.Lastfm, async (get) => {
    const { LastfmApiClient } = await import('../connectors/lastfm/lastfm-api-client.js');
    return new LastfmApiClient({
      config: config.lastfm,
      http: await get(TOKENS.LastfmHttp),
      credentials: await get(TOKENS.CredentialStore),
    });
  });
  wiring.bind(TOKENS.MusicBrainz, async (get) => {
    const { MusicBrainzClient } = await import('../connectors/musicbrainz/musicbrainz-client.js');
    const { createMusicBrainzHttpClient } = await import('../connectors/musicbrainz/musicbrainz-http.js');
    return new MusicBrainzClient({
      baseUrl: config.musicbrainz.apiUrl,
      http: createMusicBrainzHttpClient({
        userAgent: config.musicbrainz.userAgent,
        requestsPerSecond: config.musicbrainz.requestsPerSecond,
        calls: await get(TOKENS.CallCounter),
        ...hooks,
      }),
      cache: (await get(TOKENS.Repositories)).responseCache,
    });
  });

  wiring.bind(TOKENS.SpotifyHttp, async (get) => {
    const { adaptiveLimiter } = await import('../connectors/http/rate-limiter.js');
    const { createSpotifyHttpClient } = await import('../connectors/spotify/spotify-http.js');
    return createSpotifyHttpClient({
      limiter: adaptiveLimiter(),
      calls: await get(TOKENS.CallCounter),
      userAgent: config.userAgent,
      ...hooks,
    });
  });
  wiring.bind(TOKENS.Spotify, async (get) => {
    const { SpotifyWebApiClient } = await import('../connectors/spotify/spotify-web-api-client.js');
    return new SpotifyWebApiClient({
      config: config.spotify,
      http: await get(TOKENS.SpotifyHttp),
      credentials: await get(TOKENS.CredentialStore),
    });
  });

  wiring.bind(TOKENS.ListenBrainz, async (get) => {
    const { tokenBucketLimiter } = await import('../connectors/http/rate-limiter.js');
    const { createListenBrainzHttpClient } = await import('../connectors/listenbrainz/listenbrainz-http.js');
    const { ListenBrainzClient } = await import('../connectors/listenbrainz/listenbrainz-client.js');
    return new ListenBrainzClient({
      apiUrl: config.listenbrainz.apiUrl,
      token: config.listenbrainz.token,
      http: createListenBrainzHttpClient({
        limiter: tokenBucketLimiter(5, 5),
        calls: await get(TOKENS.CallCounter),
        userAgent: config.userAgent,
        ...hooks,
      }),
    });
  });

  for (const bindFeature of FEATURE_MODULES) bindFeature(wiring, deps);

  return {
    get: <T>(token: Token<T>) => wiring.get(token),
    close: async () => {
      await database?.close();
      database = null;
    },
  };
}
