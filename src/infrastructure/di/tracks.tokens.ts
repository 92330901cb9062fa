// Track identity's tokens: ingesting service records (used by every feature), resolution, review,
// pins, merges and search. Type-only imports, so commands load no adapter.
import type { IdentityLookup } from '../../application/ports/identity-lookup.port.js';
import type { IdentityAttemptRepository } from '../../application/ports/identity-attempt-repository.port.js';
import type { TrackSearch } from '../../application/ports/identity-track-search.port.js';
import type { IdentityStores } from '../../application/tracks/identity-stores.js';
import type { IngestConnectorTracks } from '../../application/tracks/ingest-connector-tracks.js';
import type { FoundTracks } from '../../application/use-cases/tracks/find-track.js';
import type { MergeTracks } from '../../application/use-cases/tracks/merge-tracks.js';
import type { PinMapping } from '../../application/use-cases/tracks/pin-mapping.js';
import type { ResolveTracks } from '../../application/use-cases/tracks/resolve-tracks.js';
import type { ReviewMatches } from '../../application/use-cases/tracks/review-matches.js';
import type { ShowTrack } from '../../application/use-cases/tracks/show-track.js';
import type { UnmergeTrack } from '../../application/use-cases/tracks/unmerge-track.js';
import { token } from './tokens.js';

export const TRACKS = {
  IngestConnectorTracks: token<IngestConnectorTracks>('tracks.IngestConnectorTracks'),
  Stores: token<IdentityStores>('tracks.Stores'),
  Lookup: token<IdentityLookup>('tracks.Lookup'),
  Attempts: token<IdentityAttemptRepository>('tracks.Attempts'),
  TrackSearch: token<TrackSearch>('tracks.TrackSearch'),
  FindTrack: token<(query: string) => Promise<FoundTracks>>('tracks.FindTrack'),
  ResolveTracks: token<ResolveTracks>('tracks.ResolveTracks'),
  ShowTrack: token<ShowTrack>('tracks.ShowTrack'),
  ReviewMatches: token<ReviewMatches>('tracks.ReviewMatches'),
  PinMapping: token<PinMapping>('tracks.PinMapping'),
  MergeTracks: token<MergeTracks>('tracks.MergeTracks'),
  UnmergeTrack: token<UnmergeTrack>('tracks.UnmergeTrack'),
} as const;
