// Likes' tokens: the import into the local database and the sync in each direction. Type-only
// imports, so commands load no adapter.
import type { LikesSyncDirection } from '../../application/likes/likes-sync-direction.js';
import type { ImportLikes } from '../../application/use-cases/likes/import-likes.js';
import type { SyncLikes } from '../../application/use-cases/likes/sync-likes.js';
import { token } from './tokens.js';

export const LIKES = {
  Import: token<ImportLikes>('likes.Import'),
  Sync: token<SyncLikes>('likes.Sync'),
  SpotifyToLastfm: token<LikesSyncDirection>('likes.SpotifyToLastfm'),
  LastfmToSpotify: token<LikesSyncDirection>('likes.LastfmToSpotify'),
} as const;
