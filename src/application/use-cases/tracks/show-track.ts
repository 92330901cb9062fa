// `narada tracks show <query-or-id>`: every identity of one track — each service record it is linked to
// (or was proposed, or rejected) with confidence, method and evidence — its merges and its last tries.
import type {
  IdentityAttempt,
  IdentityAttemptRepository,
} from '../../ports/identity-attempt-repository.port.js';
import type { TrackMergeRecord } from '../../ports/identity-merge-store.port.js';
import type { TrackSearch } from '../../ports/identity-track-search.port.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track } from '../../../domain/track/track.js';
import { findTrack } from './find-track.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';

export interface TrackIdentity {
  readonly mapping: TrackMapping;
  /** The service's record as last fetched (raw wire JSON left out), when stored. */
  readonly record: Omit<ConnectorTrack, 'raw'> | null;
}

export interface TrackReport {
  readonly track: Track;
  /** When the track asked for was merged: the track that stands for it now. */
  readonly survivor: Track | null;
  /** Accepted first, then in review, then rejected; by service. */
  readonly identities: readonly TrackIdentity[];
  readonly merges: readonly TrackMergeRecord[];
  readonly attempts: readonly IdentityAttempt[];
  /** Other tracks the search found, for a query that was not an id. */
  readonly otherMatches: readonly Track[];
}

export interface ShowTrackDeps extends IdentityStores {
  readonly attempts: IdentityAttemptRepository;
  readonly search: TrackSearch;
}

const STATUS_ORDER: Readonly<Record<TrackMapping['status'], number>> = {
  accepted: 0,
  review: 1,
  rejected: 2,
};

export class ShowTrack {
  constructor(private readonly deps: ShowTrackDeps) {}

  async run(query: string): Promise<TrackReport> {
    const { track, others } = await findTrack(this.deps, query);
    const survivor = track.mergedInto === null ? null : await this.deps.tracks.findById(track.mergedInto);
    const subject = survivor ?? track;
    const mappings = (await this.deps.mappings.forTrack(subject.id)).sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.service.localeCompare(b.service) ||
        b.confidence - a.confidence,
    );
    const identities: TrackIdentity[] = [];
    for (const mapping of mappings) {
      const found = await this.deps.connectorTracks.find(mapping.service, mapping.externalId);
      identities.push({ mapping, record: found === null ? null : withoutRaw(found) });
    }
    return {
      track,
      survivor,
      identities,
      merges: await this.deps.merges.history(subject.id),
      attempts: await this.deps.attempts.forTrack(subject.id),
      otherMatches: others,
    };
  }
}

function withoutRaw(record: ConnectorTrack): Omit<ConnectorTrack, 'raw'> {
  const { raw: _raw, ...rest } = record;
  return rest;
}
