// Track identity: ingesting service records as internal tracks (used by every feature), resolution,
// review, pins, merges and the person's search over local tracks.
import { TOKENS } from '../tokens.js';
import { TRACKS } from '../tracks.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindTracks: FeatureModule = (wiring) => {
  wiring.bind(TRACKS.Lookup, async (get) => (await get(TOKENS.Repositories)).identityLookup);
  wiring.bind(TRACKS.Stores, async (get) => {
    const { identityStoresOf } = await import('../../persistence/repositories.js');
    return identityStoresOf(await get(TOKENS.Repositories), await get(TOKENS.Clock));
  });
  wiring.bind(TRACKS.Attempts, async (get) => {
    await get(TRACKS.Stores);
    return (await get(TOKENS.Repositories)).identityAttempts;
  });
  wiring.bind(TRACKS.TrackSearch, async (get) => {
    const { FuseTrackSearch } = await import('../../persistence/tracks/fuse-track-search.js');
    return new FuseTrackSearch((await get(TOKENS.Repositories)).tracks);
  });

  wiring.bind(TRACKS.IngestConnectorTracks, async (get) => {
    const { IngestConnectorTracks } = await import('../../../application/tracks/ingest-connector-tracks.js');
    return new IngestConnectorTracks(await get(TRACKS.Stores));
  });
  wiring.bind(TRACKS.FindTrack, async (get) => {
    const { findTrack } = await import('../../../application/use-cases/tracks/find-track.js');
    const stores = await get(TRACKS.Stores);
    const search = await get(TRACKS.TrackSearch);
    return (query: string) => findTrack({ ...stores, search }, query);
  });
  wiring.bind(TRACKS.ResolveTracks, async (get) => {
    const { ResolveTracks } = await import('../../../application/use-cases/tracks/resolve-tracks.js');
    return new ResolveTracks({
      ...(await get(TRACKS.Stores)),
      musicbrainz: await get(TOKENS.MusicBrainz),
      attempts: await get(TRACKS.Attempts),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(TRACKS.ShowTrack, async (get) => {
    const { ShowTrack } = await import('../../../application/use-cases/tracks/show-track.js');
    return new ShowTrack({
      ...(await get(TRACKS.Stores)),
      attempts: await get(TRACKS.Attempts),
      search: await get(TRACKS.TrackSearch),
    });
  });
  wiring.bind(TRACKS.ReviewMatches, async (get) => {
    const { ReviewMatches } = await import('../../../application/use-cases/tracks/review-matches.js');
    return new ReviewMatches(await get(TRACKS.Stores));
  });
  wiring.bind(TRACKS.PinMapping, async (get) => {
    const { PinMapping } = await import('../../../application/use-cases/tracks/pin-mapping.js');
    return new PinMapping({
      ...(await get(TRACKS.Stores)),
      musicbrainz: await get(TOKENS.MusicBrainz),
      spotify: await get(TOKENS.Spotify),
    });
  });
  wiring.bind(TRACKS.MergeTracks, async (get) => {
    const { MergeTracks } = await import('../../../application/use-cases/tracks/merge-tracks.js');
    return new MergeTracks(await get(TRACKS.Stores));
  });
  wiring.bind(TRACKS.UnmergeTrack, async (get) => {
    const { UnmergeTrack } = await import('../../../application/use-cases/tracks/unmerge-track.js');
    return new UnmergeTrack(await get(TRACKS.Stores));
  });
};
