// The link between an internal track and a service's record, with why Narada believes it.
import { InvalidInputError } from '../shared/errors.js';
import type { ServiceName } from '../shared/service.js';
import type { EpochMs } from '../values/time.js';
import type { TrackId } from './track.js';

export type MatchMethod = 'spotify_id' | 'isrc' | 'mbid' | 'artist_title' | 'fuzzy' | 'manual';

/** accepted: used by every feature; review: waits for `narada tracks review`; rejected: kept so it is never proposed again. */
export type MappingStatus = 'accepted' | 'review' | 'rejected';

export interface EvidenceFactor {
  readonly name: string;
  /** 0–1 similarity of this factor. */
  readonly score: number;
  /** Points taken off the confidence for this factor (0 when none). */
  readonly penalty: number;
  readonly detail?: string;
}

export interface MatchEvidence {
  readonly factors: readonly EvidenceFactor[];
  readonly notes: readonly string[];
}

export interface TrackMapping {
  readonly trackId: TrackId;
  readonly service: ServiceName;
  readonly externalId: string;
  readonly confidence: number;
  readonly method: MatchMethod;
  readonly status: MappingStatus;
  readonly evidence: MatchEvidence;
  /** A manual pin: later resolution runs never override it. */
  readonly pinned: boolean;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

export function trackMapping(props: TrackMapping): TrackMapping {
  if (!Number.isInteger(props.confidence) || props.confidence < 0 || props.confidence > 100) {
    throw new InvalidInputError(
      'MAPPING.BAD_CONFIDENCE',
      `Mapping confidence must be an integer 0–100, got ${props.confidence}`,
    );
  }
  return Object.freeze({ ...props });
}
