// The composition root: the one place that knows concrete classes, wiring ports to adapters for a
// CLI invocation. Shared parts are bound here, each feature's in di/modules/*, all with factories
// (use cases stay plain classes), built on first use. Each factory imports what it builds, so loading
// the wiring loads no adapter: a command loads only the parts it asks for (TypeORM only with the database).
import { systemClock } from '../clock/system-clock.js';
import type { RetryListener } from '../connectors/http/http-client.js';
import { describeLongWait, type LongWaitListener } from '../connectors/http/long-wait.js';
import type { RateLimiter } from '../connectors/http/rate-limiter.js';
import type { PostgresCoordination } from '../jobs/postgres-coordination.js';
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
  let coordination: PostgresCoordination | null = null;
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

  wiring.bind(TOKENS.Coordination, async (get) => {
    if (config.databaseUrl === null) return null;
    // Opened after the database, whose migrations create the tables it uses.
    await get(TOKENS.Database);
    const { openPostgresCoordination } = await import('../jobs/postgres-coordination.js');
    coordination = openPostgresCoordination(config.databaseUrl);
    return coordination;
  });
  // On PostgreSQL a service's limit holds across every process of the database (serve and workers on
  // any machine): the limiter claims its slots in the database; on SQLite it is the process's own.
  const sharedLimiter = async (
    get: <T>(token: Token<T>) => Promise<T>,
    service: string,
    intervalMs: number,
    burst: number,
  ): Promise<RateLimiter | null> => {
    const shared = await get(TOKENS.Coordination);
    if (shared === null) return null;
    const { PostgresRateLimiter, SLOT_MARGIN } = await import('../jobs/postgres-rate-limiter.js');
    return new PostgresRateLimiter({
      coordination: shared,
      service,
      intervalMs: intervalMs * SLOT_MARGIN,
      burst,
      clock: systemClock,
      onError: (error) =>
        logger.record('warn', `${service}: a pause could not be shared with other processes`, {
          error: error instanceof Error ? error.message : String(error),
        }),
    });
  };

  wiring.bind(TOKENS.LastfmHttp, async (get) => {
    const { tokenBucketLimiter } = await import('../connectors/http/rate-limiter.js');
    const { createLastfmHttpClient } = await import('../connectors/lastfm/lastfm-http.js');
    return createLastfmHttpClient({
      limiter: (await sharedLimiter(get, 'lastfm', 200, 5)) ?? tokenBucketLimiter(5, 5),
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
    const { createMusicBrainzHttpClient, sharedMusicBrainzLimiter, MUSICBRAINZ_INTERVAL_MS } =
      await import('../connectors/musicbrainz/musicbrainz-http.js');
    const perSecond = config.musicbrainz.requestsPerSecond;
    // One request at a time in this process, as on SQLite, then a slot shared by every process.
    const shared =
      perSecond === null
        ? null
        : await sharedLimiter(get, 'musicbrainz', MUSICBRAINZ_INTERVAL_MS / perSecond, 1);
    const { inTurn } = await import('../jobs/postgres-rate-limiter.js');
    return new MusicBrainzClient({
      baseUrl: config.musicbrainz.apiUrl,
      http: createMusicBrainzHttpClient({
        userAgent: config.musicbrainz.userAgent,
        requestsPerSecond: perSecond,
        ...(shared === null ? {} : { limiter: inTurn(sharedMusicBrainzLimiter(perSecond), shared) }),
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
      await coordination?.close();
      coordination = null;
      await database?.close();
      database = null;
    },
  };
}
