// Listening history: imports into the ledger, the Last.fm backfill, and local play counts for
// workflow nodes.
import { TOKENS } from '../tokens.js';
import { HISTORY } from '../history.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindHistory: FeatureModule = (wiring) => {
  wiring.bind(HISTORY.ListenRecorder, async (get) => {
    const { ListenRecorder } = await import('../../../application/history/listen-recorder.js');
    const repos = await get(TOKENS.Repositories);
    return new ListenRecorder({
      store: repos.listenRecording,
      tracks: repos.provisionalTracks,
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(HISTORY.ImportLastfm, async (get) => {
    const { ImportLastfmHistory } =
      await import('../../../application/use-cases/history/import-lastfm-history.js');
    return new ImportLastfmHistory({
      lastfm: await get(TOKENS.Lastfm),
      runs: (await get(TOKENS.Repositories)).importRuns,
      recorder: await get(HISTORY.ListenRecorder),
      unitOfWork: (await get(TOKENS.Repositories)).unitOfWork,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(HISTORY.ImportSpotify, async (get) => {
    const { ImportSpotifyHistory } =
      await import('../../../application/use-cases/history/import-spotify-history.js');
    const { FileSystemSpotifyExportSource } = await import('../../importers/spotify-export-reader.js');
    const repos = await get(TOKENS.Repositories);
    const lastfm = await get(TOKENS.Lastfm);
    return new ImportSpotifyHistory({
      source: new FileSystemSpotifyExportSource(),
      runs: repos.importRuns,
      recorder: await get(HISTORY.ListenRecorder),
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
      defaultListener: async () => (await lastfm.whoAmI())?.username ?? null,
    });
  });
  wiring.bind(HISTORY.ImportFile, async (get) => {
    const { ImportHistoryFile } =
      await import('../../../application/use-cases/history/import-history-file.js');
    const { FileSystemHistoryFileSource } = await import('../../importers/history-file-reader.js');
    const repos = await get(TOKENS.Repositories);
    const lastfm = await get(TOKENS.Lastfm);
    return new ImportHistoryFile({
      source: new FileSystemHistoryFileSource(),
      spotify: await get(HISTORY.ImportSpotify),
      runs: repos.importRuns,
      recorder: await get(HISTORY.ListenRecorder),
      ledger: repos.ledgerPresence,
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
      defaultListener: async () => (await lastfm.whoAmI())?.username ?? null,
    });
  });
  wiring.bind(HISTORY.BackfillLastfm, async (get) => {
    const { BackfillLastfm } = await import('../../../application/use-cases/history/backfill-lastfm.js');
    return new BackfillLastfm({
      lastfm: await get(TOKENS.Lastfm),
      store: (await get(TOKENS.Repositories)).scrobbleBackfill,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(HISTORY.Export, async (get) => {
    const { ExportHistory } = await import('../../../application/use-cases/history/export-history.js');
    const { HistoryExportFiles } = await import('../../exporters/history-export-target.js');
    return new ExportHistory({
      listens: (await get(TOKENS.Repositories)).listenExport,
      target: new HistoryExportFiles(process.stdout),
    });
  });

  wiring.bind(HISTORY.BackfillListenBrainz, async (get) => {
    const { BackfillListenBrainz } =
      await import('../../../application/use-cases/history/backfill-listenbrainz.js');
    const repos = await get(TOKENS.Repositories);
    return new BackfillListenBrainz({
      listenbrainz: await get(TOKENS.ListenBrainz),
      listens: repos.listenExport,
      checkpoints: repos.syncCheckpoints,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
      defaultListener: async () => (await (await get(TOKENS.Lastfm)).whoAmI())?.username ?? null,
    });
  });

  wiring.bind(HISTORY.PlayHistory, async (get) => (await get(TOKENS.Repositories)).playHistory);
};
