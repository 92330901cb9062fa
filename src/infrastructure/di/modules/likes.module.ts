// Likes: importing them into the local database, and syncing them between Spotify and Last.fm.
import { TOKENS } from '../tokens.js';
import { LIKES } from '../likes.tokens.js';
import type { FeatureModule } from './feature-module.js';
import { PLAYLIST } from '../playlist.tokens.js';
import { TRACKS } from '../tracks.tokens.js';

export const bindLikes: FeatureModule = (wiring) => {
  wiring.bind(LIKES.Import, async (get) => {
    const { ImportLikes } = await import('../../../application/use-cases/likes/import-likes.js');
    return new ImportLikes({
      spotify: await get(TOKENS.Spotify),
      lastfm: await get(TOKENS.Lastfm),
      ingest: await get(TRACKS.IngestConnectorTracks),
      likes: (await get(TOKENS.Repositories)).likes,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(LIKES.Sync, async (get) => {
    const { SyncLikes } = await import('../../../application/use-cases/likes/sync-likes.js');
    return new SyncLikes({
      checkpoints: (await get(TOKENS.Repositories)).syncCheckpoints,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(LIKES.SpotifyToLastfm, async (get) => {
    const { SpotifyToLastfm } = await import('../../../application/likes/spotify-to-lastfm.js');
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
    const { LastfmToSpotify } = await import('../../../application/likes/lastfm-to-spotify.js');
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
