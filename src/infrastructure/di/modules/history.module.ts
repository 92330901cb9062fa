// Listening history: imports into the ledger, the Last.fm backfill, and local play counts for
// workflow nodes.
import { BackfillLastfm } from '../../../application/use-cases/history/backfill-lastfm.js';
import { ImportLastfmHistory } from '../../../application/use-cases/history/import-lastfm-history.js';
import { ImportSpotifyHistory } from '../../../application/use-cases/history/import-spotify-history.js';
import { ListenRecorder } from '../../../application/history/listen-recorder.js';
import { FileSystemSpotifyExportSource } from '../../importers/spotify-export-reader.js';
import { SqliteListenRecordingStore } from '../../persistence/history/sqlite-listen-recording-store.js';
import { SqlitePlayHistoryQuery } from '../../persistence/history/sqlite-play-history-query.js';
import { SqliteProvisionalTrackStore } from '../../persistence/history/sqlite-provisional-track-store.js';
import { SqliteScrobbleBackfillStore } from '../../persistence/history/sqlite-scrobble-backfill-store.js';
import { TOKENS } from '../tokens.js';
import { HISTORY } from '../history.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindHistory: FeatureModule = (wiring) => {
  wiring.bind(HISTORY.ListenRecorder, async (get) => {
    const db = await get(TOKENS.Database);
    const repos = await get(TOKENS.Repositories);
    return new ListenRecorder({
      store: new SqliteListenRecordingStore(db),
      tracks: new SqliteProvisionalTrackStore(db),
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(
    HISTORY.ImportLastfm,
    async (get) =>
      new ImportLastfmHistory({
        lastfm: await get(TOKENS.Lastfm),
        runs: (await get(TOKENS.Repositories)).importRuns,
        recorder: await get(HISTORY.ListenRecorder),
        unitOfWork: (await get(TOKENS.Repositories)).unitOfWork,
        clock: await get(TOKENS.Clock),
        progress: await get(TOKENS.Progress),
      }),
  );
  wiring.bind(HISTORY.ImportSpotify, async (get) => {
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
  wiring.bind(
    HISTORY.BackfillLastfm,
    async (get) =>
      new BackfillLastfm({
        lastfm: await get(TOKENS.Lastfm),
        store: new SqliteScrobbleBackfillStore(await get(TOKENS.Database)),
        clock: await get(TOKENS.Clock),
        progress: await get(TOKENS.Progress),
      }),
  );
  wiring.bind(HISTORY.PlayHistory, async (get) => new SqlitePlayHistoryQuery(await get(TOKENS.Database)));
};
