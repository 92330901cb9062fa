// The one place that knows concrete classes: wires ports to adapters for a CLI invocation.
// Use cases stay plain classes (no decorators), bound here and in di/modules/* with factories.
import 'reflect-metadata';
import { Container } from 'inversify';
import { ShowStatus } from '../../application/use-cases/status/show-status.js';
import { systemClock } from '../clock/system-clock.js';
import { FileCredentialStore } from '../config/file-credential-store.js';
import { serviceConnections } from '../config/service-connections.js';
import { CallCounter } from '../connectors/http/call-counter.js';
import { describeLongWait, type LongWaitListener } from '../connectors/http/long-wait.js';
import { adaptiveLimiter, tokenBucketLimiter } from '../connectors/http/rate-limiter.js';
import { LastfmApiClient } from '../connectors/lastfm/lastfm-api-client.js';
import { createLastfmHttpClient } from '../connectors/lastfm/lastfm-http.js';
import { MusicBrainzClient } from '../connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../connectors/musicbrainz/musicbrainz-http.js';
import { createSpotifyHttpClient } from '../connectors/spotify/spotify-http.js';
import { SpotifyWebApiClient } from '../connectors/spotify/spotify-web-api-client.js';
import { openDatabase, type NaradaDatabase } from '../persistence/open-database.js';
import { createRepositories } from '../persistence/repositories.js';
import type { AppContainerDeps } from './modules/feature-module.js';
import { FEATURE_MODULES } from './modules/index.js';
import { resolve } from './resolve.js';
import { TOKENS, type Token } from './tokens.js';

export interface AppContainer {
  get<T>(token: Token<T>): Promise<T>;
  close(): Promise<void>;
}

export function createAppContainer(deps: AppContainerDeps): AppContainer {
  const { config, logger, progress } = deps;
  const container = new Container({ defaultScope: 'Singleton' });
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

  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.Progress).toConstantValue(progress);
  container.bind(TOKENS.Clock).toConstantValue(systemClock);
  container.bind(TOKENS.CredentialStore).toConstantValue(new FileCredentialStore(config.credentialsFile));
  container.bind(TOKENS.CallCounter).toConstantValue(new CallCounter());

  container.bind(TOKENS.Database).toDynamicValue(async () => {
    database = await openDatabase({ path: config.databasePath, lockWaitMs: config.databaseWaitMs });
    return database;
  });
  container
    .bind(TOKENS.Repositories)
    .toDynamicValue(async (ctx) => createRepositories(await resolve(ctx, TOKENS.Database)));

  container.bind(TOKENS.LastfmHttp).toDynamicValue(async (ctx) =>
    createLastfmHttpClient({
      limiter: tokenBucketLimiter(5, 5),
      calls: await resolve(ctx, TOKENS.CallCounter),
      userAgent: config.userAgent,
      retry,
      onLongWait,
    }),
  );
  container.bind(TOKENS.Lastfm).toDynamicValue(
    async (ctx) =>
      new LastfmApiClient({
        config: config.lastfm,
        http: await resolve(ctx, TOKENS.LastfmHttp),
        credentials: await resolve(ctx, TOKENS.CredentialStore),
      }),
  );
  container.bind(TOKENS.MusicBrainz).toDynamicValue(
    async (ctx) =>
      new MusicBrainzClient({
        baseUrl: config.musicbrainz.apiUrl,
        http: createMusicBrainzHttpClient({
          userAgent: config.musicbrainz.userAgent,
          requestsPerSecond: config.musicbrainz.requestsPerSecond,
          calls: await resolve(ctx, TOKENS.CallCounter),
          retry,
          onLongWait,
        }),
        cache: (await resolve(ctx, TOKENS.Repositories)).responseCache,
      }),
  );

  container.bind(TOKENS.SpotifyHttp).toDynamicValue(async (ctx) =>
    createSpotifyHttpClient({
      limiter: adaptiveLimiter(),
      calls: await resolve(ctx, TOKENS.CallCounter),
      userAgent: config.userAgent,
      retry,
      onLongWait,
    }),
  );
  container.bind(TOKENS.Spotify).toDynamicValue(
    async (ctx) =>
      new SpotifyWebApiClient({
        config: config.spotify,
        http: await resolve(ctx, TOKENS.SpotifyHttp),
        credentials: await resolve(ctx, TOKENS.CredentialStore),
      }),
  );

  container.bind(TOKENS.ShowStatus).toDynamicValue(async (ctx) => {
    const { databaseInfo } = await resolve(ctx, TOKENS.Repositories);
    const store = await resolve(ctx, TOKENS.CredentialStore);
    return new ShowStatus({
      version: config.version,
      dataFolder: config.home,
      database: () => databaseInfo.info(),
      integrity: () => databaseInfo.checkIntegrity(),
      connections: () => serviceConnections(config, store),
    });
  });

  for (const bindFeature of FEATURE_MODULES) bindFeature(container, deps);

  return {
    get: <T>(token: Token<T>) => container.getAsync<T>(token),
    close: async () => {
      await database?.close();
      database = null;
    },
  };
}
