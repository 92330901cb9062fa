// Track identity: ingesting service records as internal tracks (used by every feature), resolution,
// review, pins, merges and the person's search over local tracks.
import type { FoundTracks } from '../../../application/use-cases/tracks/find-track.js';
import type { IdentityStores } from '../../../application/tracks/identity-stores.js';
import type { IngestConnectorTracks } from '../../../application/tracks/ingest-connector-tracks.js';
import type { MergeTracks } from '../../../application/use-cases/tracks/merge-tracks.js';
import type { PinMapping } from '../../../application/use-cases/tracks/pin-mapping.js';
import type { ResolveTracks } from '../../../application/use-cases/tracks/resolve-tracks.js';
import type { ReviewMatches } from '../../../application/use-cases/tracks/review-matches.js';
import type { ShowTrack } from '../../../application/use-cases/tracks/show-track.js';
import type { UnmergeTrack } from '../../../application/use-cases/tracks/unmerge-track.js';
import type { IdentityAttemptRepository } from '../../../application/ports/identity-attempt-repository.port.js';
import type { TrackSearch } from '../../../application/ports/identity-track-search.port.js';
import { resolve } from '../resolve.js';
import { token, TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const IDENTITY = {
  IngestConnectorTracks: token<IngestConnectorTracks>('IngestConnectorTracks'),
  Stores: token<IdentityStores>('IdentityStores'),
  Attempts: token<IdentityAttemptRepository>('IdentityAttempts'),
  TrackSearch: token<TrackSearch>('TrackSearch'),
  FindTrack: token<(query: string) => Promise<FoundTracks>>('FindTrack'),
  ResolveTracks: token<ResolveTracks>('ResolveTracks'),
  ShowTrack: token<ShowTrack>('ShowTrack'),
  ReviewMatches: token<ReviewMatches>('ReviewMatches'),
  PinMapping: token<PinMapping>('PinMapping'),
  MergeTracks: token<MergeTracks>('MergeTracks'),
  UnmergeTrack: token<UnmergeTrack>('UnmergeTrack'),
} as const;

export const bindIdentity: FeatureModule = (container) => {
  container.bind(IDENTITY.Stores).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    return {
      tracks: repos.tracks,
      connectorTracks: repos.connectorTracks,
      mappings: repos.trackMappings,
      lookup: repos.identityLookup,
      storedRecords: repos.storedRecords,
      merges: repos.trackMerges,
      unitOfWork: repos.unitOfWork,
      clock: await resolve(ctx, TOKENS.Clock),
    };
  });
  container.bind(IDENTITY.Attempts).toDynamicValue(async (ctx) => {
    await resolve(ctx, IDENTITY.Stores);
    return (await resolve(ctx, TOKENS.Repositories)).identityAttempts;
  });
  container.bind(IDENTITY.TrackSearch).toDynamicValue(async (ctx) => {
    const { FuseTrackSearch } = await import('../../persistence/tracks/fuse-track-search.js');
    return new FuseTrackSearch((await resolve(ctx, TOKENS.Repositories)).tracks);
  });

  container.bind(IDENTITY.IngestConnectorTracks).toDynamicValue(async (ctx) => {
    const { IngestConnectorTracks } = await import('../../../application/tracks/ingest-connector-tracks.js');
    return new IngestConnectorTracks(await resolve(ctx, IDENTITY.Stores));
  });
  container.bind(IDENTITY.FindTrack).toDynamicValue(async (ctx) => {
    const { findTrack } = await import('../../../application/use-cases/tracks/find-track.js');
    const stores = await resolve(ctx, IDENTITY.Stores);
    const search = await resolve(ctx, IDENTITY.TrackSearch);
    return (query: string) => findTrack({ ...stores, search }, query);
  });
  container.bind(IDENTITY.ResolveTracks).toDynamicValue(async (ctx) => {
    const { ResolveTracks } = await import('../../../application/use-cases/tracks/resolve-tracks.js');
    return new ResolveTracks({
      ...(await resolve(ctx, IDENTITY.Stores)),
      musicbrainz: await resolve(ctx, TOKENS.MusicBrainz),
      attempts: await resolve(ctx, IDENTITY.Attempts),
      progress: await resolve(ctx, TOKENS.Progress),
    });
  });
  container.bind(IDENTITY.ShowTrack).toDynamicValue(async (ctx) => {
    const { ShowTrack } = await import('../../../application/use-cases/tracks/show-track.js');
    return new ShowTrack({
      ...(await resolve(ctx, IDENTITY.Stores)),
      attempts: await resolve(ctx, IDENTITY.Attempts),
      search: await resolve(ctx, IDENTITY.TrackSearch),
    });
  });
  container.bind(IDENTITY.ReviewMatches).toDynamicValue(async (ctx) => {
    const { ReviewMatches } = await import('../../../application/use-cases/tracks/review-matches.js');
    return new ReviewMatches(await resolve(ctx, IDENTITY.Stores));
  });
  container.bind(IDENTITY.PinMapping).toDynamicValue(async (ctx) => {
    const { PinMapping } = await import('../../../application/use-cases/tracks/pin-mapping.js');
    return new PinMapping({
      ...(await resolve(ctx, IDENTITY.Stores)),
      musicbrainz: await resolve(ctx, TOKENS.MusicBrainz),
      spotify: await resolve(ctx, TOKENS.Spotify),
    });
  });
  container.bind(IDENTITY.MergeTracks).toDynamicValue(async (ctx) => {
    const { MergeTracks } = await import('../../../application/use-cases/tracks/merge-tracks.js');
    return new MergeTracks(await resolve(ctx, IDENTITY.Stores));
  });
  container.bind(IDENTITY.UnmergeTrack).toDynamicValue(async (ctx) => {
    const { UnmergeTrack } = await import('../../../application/use-cases/tracks/unmerge-track.js');
    return new UnmergeTrack(await resolve(ctx, IDENTITY.Stores));
  });
};
