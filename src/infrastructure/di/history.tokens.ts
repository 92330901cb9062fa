// Listening history's tokens: imports into the ledger, the Last.fm backfill, and local play counts
// for workflow nodes. Type-only imports, so commands load no adapter.
import type { ListenRecorder } from '../../application/history/listen-recorder.js';
import type { PlayHistoryQuery } from '../../application/ports/play-history-query.port.js';
import type { ExportHistory } from '../../application/use-cases/history/export-history.js';
import type { BackfillListenBrainz } from '../../application/use-cases/history/backfill-listenbrainz.js';
import type { BackfillLastfm } from '../../application/use-cases/history/backfill-lastfm.js';
import type { ImportHistoryFile } from '../../application/use-cases/history/import-history-file.js';
import type { ImportLastfmHistory } from '../../application/use-cases/history/import-lastfm-history.js';
import type { ImportSpotifyHistory } from '../../application/use-cases/history/import-spotify-history.js';
import { token } from './tokens.js';

export const HISTORY = {
  ListenRecorder: token<ListenRecorder>('history.ListenRecorder'),
  ImportLastfm: token<ImportLastfmHistory>('history.ImportLastfm'),
  ImportSpotify: token<ImportSpotifyHistory>('history.ImportSpotify'),
  ImportFile: token<ImportHistoryFile>('history.ImportFile'),
  BackfillLastfm: token<BackfillLastfm>('history.BackfillLastfm'),
  Export: token<ExportHistory>('history.Export'),
  BackfillListenBrainz: token<BackfillListenBrainz>('history.BackfillListenBrainz'),
  PlayHistory: token<PlayHistoryQuery>('history.PlayHistoryQuery'),
} as const;
