// Listening history and its statistics: imports into the ledger, Last.fm backfill, local play
// counts for workflow nodes, and `narada stats`.
import type { PlayHistoryQuery } from '../../../application/ports/play-history-query.port.js';
import { BackfillLastfm } from '../../../application/use-cases/history/backfill-lastfm.js';
import { ImportLastfmHistory } from '../../../application/use-cases/history/import-lastfm-history.js';
import { ImportSpotifyHistory } from '../../../application/use-cases/history/import-spotify-history.js';
import { ListenRecorder } from '../../../application/history/listen-recorder.js';
import { ResolveOriginalYears } from '../../../application/stats/resolve-original-years.js';
import { ShowEras } from '../../../application/use-cases/stats/show-eras.js';
import { ShowTopListens } from '../../../application/use-cases/stats/show-top-listens.js';
import { FileSystemSpotifyExportSource } from '../../importers/spotify-export-reader.js';
import { resolve } from '../resolve.js';
import { token, TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const HISTORY = {
  ListenRecorder: token<ListenRecorder>('history.ListenRecorder'),
  ImportLastfm: token<ImportLastfmHistory>('history.ImportLastfm'),
  ImportSpotify: token<ImportSpotifyHistory>('history.ImportSpotify'),
  BackfillLastfm: token<BackfillLastfm>('history.BackfillLastfm'),
  PlayHistory: token<PlayHistoryQuery>('history.PlayHistoryQuery'),
  ShowEras: token<ShowEras>('stats.ShowEras'),
  ShowTop: token<ShowTopListens>('stats.ShowTop'),
} as const;

export const bindHistory: FeatureModule = (container) => {
  container.bind(HISTORY.ListenRecorder).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    return new ListenRecorder({
      store: repos.listenRecording,
      tracks: repos.provisionalTracks,
      unitOfWork: repos.unitOfWork,
      clock: await resolve(ctx, TOKENS.Clock),
    });
  });
  container.bind(HISTORY.ImportLastfm).toDynamicValue(
    async (ctx) =>
      new ImportLastfmHistory({
        lastfm: await resolve(ctx, TOKENS.Lastfm),
        runs: (await resolve(ctx, TOKENS.Repositories)).importRuns,
        recorder: await resolve(ctx, HISTORY.ListenRecorder),
        unitOfWork: (await resolve(ctx, TOKENS.Repositories)).unitOfWork,
        clock: await resolve(ctx, TOKENS.Clock),
        progress: await resolve(ctx, TOKENS.Progress),
      }),
  );
  container.bind(HISTORY.ImportSpotify).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    const lastfm = await resolve(ctx, TOKENS.Lastfm);
    return new ImportSpotifyHistory({
      source: new FileSystemSpotifyExportSource(),
      runs: repos.importRuns,
      recorder: await resolve(ctx, HISTORY.ListenRecorder),
      unitOfWork: repos.unitOfWork,
      clock: await resolve(ctx, TOKENS.Clock),
      progress: await resolve(ctx, TOKENS.Progress),
      defaultListener: async () => (await lastfm.whoAmI())?.username ?? null,
    });
  });
  container.bind(HISTORY.BackfillLastfm).toDynamicValue(
    async (ctx) =>
      new BackfillLastfm({
        lastfm: await resolve(ctx, TOKENS.Lastfm),
        store: (await resolve(ctx, TOKENS.Repositories)).scrobbleBackfill,
        clock: await resolve(ctx, TOKENS.Clock),
        progress: await resolve(ctx, TOKENS.Progress),
      }),
  );
  container
    .bind(HISTORY.PlayHistory)
    .toDynamicValue(async (ctx) => (await resolve(ctx, TOKENS.Repositories)).playHistory);
  container.bind(HISTORY.ShowEras).toDynamicValue(async (ctx) => {
    return new ShowEras({
      stats: (await resolve(ctx, TOKENS.Repositories)).listeningStats,
      // Building the MusicBrainz client sends nothing; only --resolve-years makes it call.
      resolver: new ResolveOriginalYears({
        musicbrainz: await resolve(ctx, TOKENS.MusicBrainz),
        metrics: (await resolve(ctx, TOKENS.Repositories)).trackMetrics,
        clock: await resolve(ctx, TOKENS.Clock),
        progress: await resolve(ctx, TOKENS.Progress),
      }),
    });
  });
  container
    .bind(HISTORY.ShowTop)
    .toDynamicValue(
      async (ctx) => new ShowTopListens((await resolve(ctx, TOKENS.Repositories)).listeningStats),
    );
};
