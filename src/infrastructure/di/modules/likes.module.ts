// Likes: importing them into the local database, and syncing them between Spotify and Last.fm.
import { ImportLikes } from '../../../application/use-cases/likes/import-likes.js';
import { LastfmToSpotify } from '../../../application/likes/lastfm-to-spotify.js';
import { SpotifyToLastfm } from '../../../application/likes/spotify-to-lastfm.js';
import { SyncLikes } from '../../../application/use-cases/likes/sync-likes.js';
import { TOKENS } from '../tokens.js';
import { LIKES } from '../likes.tokens.js';
import type { FeatureModule } from './feature-module.js';
import { PLAYLIST } from '../playlist.tokens.js';
import { TRACKS } from '../tracks.tokens.js';

export const bindLikes: FeatureModule = (wiring) => {
  wiring.bind(
    LIKES.Import,
    async (get) =>
      new ImportLikes({
        spotify: await get(TOKENS.Spotify),
        lastfm: await get(TOKENS.Lastfm),
        ingest: await get(TRACKS.IngestConnectorTracks),
        likes: (await get(TOKENS.Repositories)).likes,
        clock: await get(TOKENS.Clock),
        progress: await get(TOKENS.Progress),
      }),
  );
  wiring.bind(
    LIKES.Sync,
    async (get) =>
      new SyncLikes({
        checkpoints: (await get(TOKENS.Repositories)).syncCheckpoints,
        clock: await get(TOKENS.Clock),
        progress: await get(TOKENS.Progress),
      }),
  );
  wiring.bind(LIKES.SpotifyToLastfm, async (get) => {
    const repos = await get(TOKENS.Repositories);
    return new SpotifyToLastfm({
      spotify: await get(TOKENS.Spotify),
      lastfm: await get(TOKENS.Lastfm),
      ingest: await get(TRACKS.IngestConnectorTracks),
      likes: repos.likes,
      mappings: await get(TRACKS.Lookup),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(LIKES.LastfmToSpotify, async (get) => {
    const repos = await get(TOKENS.Repositories);
    const spotify = await get(TOKENS.Spotify);
    return new LastfmToSpotify({
      spotify,
      lastfm: await get(TOKENS.Lastfm),
      finder: await get(PLAYLIST.TrackFinder),
      ingest: await get(TRACKS.IngestConnectorTracks),
      likes: repos.likes,
      lookup: await get(TRACKS.Lookup),
      mappings: repos.trackMappings,
      connectorTracks: repos.connectorTracks,
      clock: await get(TOKENS.Clock),
    });
  });
};
