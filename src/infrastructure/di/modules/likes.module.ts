// Likes: importing them into the local database, and syncing them between Spotify and Last.fm.
import { ImportLikes } from '../../../application/use-cases/likes/import-likes.js';
import { LastfmToSpotify } from '../../../application/likes/lastfm-to-spotify.js';
import type { LikesSyncDirection } from '../../../application/likes/likes-sync-direction.js';
import { SpotifyToLastfm } from '../../../application/likes/spotify-to-lastfm.js';
import { SyncLikes } from '../../../application/use-cases/likes/sync-likes.js';
import { SpotifyTrackFinder } from '../../../application/playlist/find-spotify-track.js';
import { resolve } from '../resolve.js';
import { token, TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';
import { IDENTITY } from './tracks.module.js';

export const LIKES = {
  Import: token<ImportLikes>('likes.Import'),
  Sync: token<SyncLikes>('likes.Sync'),
  SpotifyToLastfm: token<LikesSyncDirection>('likes.SpotifyToLastfm'),
  LastfmToSpotify: token<LikesSyncDirection>('likes.LastfmToSpotify'),
} as const;

export const bindLikes: FeatureModule = (container) => {
  container.bind(LIKES.Import).toDynamicValue(
    async (ctx) =>
      new ImportLikes({
        spotify: await resolve(ctx, TOKENS.Spotify),
        lastfm: await resolve(ctx, TOKENS.Lastfm),
        ingest: await resolve(ctx, IDENTITY.IngestConnectorTracks),
        likes: (await resolve(ctx, TOKENS.Repositories)).likes,
        clock: await resolve(ctx, TOKENS.Clock),
        progress: await resolve(ctx, TOKENS.Progress),
      }),
  );
  container.bind(LIKES.Sync).toDynamicValue(
    async (ctx) =>
      new SyncLikes({
        checkpoints: (await resolve(ctx, TOKENS.Repositories)).syncCheckpoints,
        clock: await resolve(ctx, TOKENS.Clock),
        progress: await resolve(ctx, TOKENS.Progress),
      }),
  );
  container.bind(LIKES.SpotifyToLastfm).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    return new SpotifyToLastfm({
      spotify: await resolve(ctx, TOKENS.Spotify),
      lastfm: await resolve(ctx, TOKENS.Lastfm),
      ingest: await resolve(ctx, IDENTITY.IngestConnectorTracks),
      likes: repos.likes,
      mappings: repos.identityLookup,
      clock: await resolve(ctx, TOKENS.Clock),
    });
  });
  container.bind(LIKES.LastfmToSpotify).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    const spotify = await resolve(ctx, TOKENS.Spotify);
    return new LastfmToSpotify({
      spotify,
      lastfm: await resolve(ctx, TOKENS.Lastfm),
      finder: new SpotifyTrackFinder({ spotify, musicbrainz: await resolve(ctx, TOKENS.MusicBrainz) }),
      ingest: await resolve(ctx, IDENTITY.IngestConnectorTracks),
      likes: repos.likes,
      lookup: repos.identityLookup,
      mappings: repos.trackMappings,
      connectorTracks: repos.connectorTracks,
      clock: await resolve(ctx, TOKENS.Clock),
    });
  });
};
