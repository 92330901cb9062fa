// `narada tracks review`: the matches resolution was unsure of, per track, with their evidence. A person
// accepts one (linking, and merging when another track holds that record), or rejects them so they are
// never proposed again.
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { IdentityLinker, type LinkOutcome } from '../../tracks/identity-linker.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';

export interface ReviewCandidate {
  /** `<track>.<n>`: what `--accept` and `--reject` take. */
  readonly id: string;
  readonly mapping: TrackMapping;
  /** The service's record, when Narada has stored it. */
  readonly record: ConnectorTrack | null;
}

export interface ReviewItem {
  readonly track: Track;
  /** Best first. */
  readonly candidates: readonly ReviewCandidate[];
}

export class ReviewMatches {
  private readonly linker: IdentityLinker;

  constructor(private readonly stores: IdentityStores) {
    this.linker = new IdentityLinker(stores);
  }

  /** Every track with candidates waiting, oldest question first. */
  async queue(): Promise<ReviewItem[]> {
    const waiting = await this.stores.mappings.inStatus('review');
    const byTrack = new Map<TrackId, TrackMapping[]>();
    for (const mapping of waiting)
      byTrack.set(mapping.trackId, [...(byTrack.get(mapping.trackId) ?? []), mapping]);
    const tracks = await this.stores.tracks.findByIds([...byTrack.keys()]);
    const items: ReviewItem[] = [];
    for (const track of tracks) {
      if (track.isMerged) continue;
      items.push({ track, candidates: await this.candidates(track.id, byTrack.get(track.id) ?? []) });
    }
    return items;
  }

  /** Accepts `<track>.<n>`, or the best candidate of `<track>`. */
  async accept(id: string): Promise<LinkOutcome> {
    const candidate = await this.find(id, 'accept');
    const { mapping } = candidate;
    return this.linker.link({
      trackId: mapping.trackId,
      service: mapping.service,
      externalId: mapping.externalId,
      confidence: mapping.confidence,
      method: mapping.method,
      evidence: {
        factors: mapping.evidence.factors,
        notes: [...mapping.evidence.notes, 'accepted by the user'],
      },
      pinned: false,
      byUser: true,
    });
  }

  /** Rejects `<track>.<n>`, or every candidate of `<track>`; returns how many were rejected. */
  async reject(id: string): Promise<number> {
    const [trackText, index] = id.split('.');
    const chosen =
      index === undefined
        ? (await this.itemOf(trackText ?? '', id)).candidates
        : [await this.find(id, 'reject')];
    const at = this.stores.clock.now();
    await this.stores.unitOfWork.transaction(async () => {
      for (const { mapping } of chosen)
        await this.stores.mappings.upsert({ ...mapping, status: 'rejected', updatedAt: at });
    });
    return chosen.length;
  }

  private async find(id: string, verb: string): Promise<ReviewCandidate> {
    const [trackText = '', index = '1'] = id.split('.');
    const item = await this.itemOf(trackText, id);
    const candidate = item.candidates[Number(index) - 1];
    if (candidate === undefined) {
      throw new InvalidInputError(
        'REVIEW.NO_SUCH_CANDIDATE',
        `Track ${item.track.id} has ${item.candidates.length} candidate(s) in review, so there is no "${id}" to ${verb}; ` +
          'run `narada tracks review` to list them',
      );
    }
    return candidate;
  }

  private async itemOf(trackText: string, id: string): Promise<ReviewItem> {
    const trackId = Number(trackText);
    const waiting = Number.isInteger(trackId)
      ? (await this.stores.mappings.forTrack(trackId)).filter((m) => m.status === 'review')
      : [];
    if (waiting.length === 0) {
      throw new InvalidInputError(
        'REVIEW.NOT_IN_QUEUE',
        `"${id}" is not in the review queue; give <track> or <track>.<n> as \`narada tracks review\` lists them`,
      );
    }
    const track = await this.linker.current(trackId);
    return { track, candidates: await this.candidates(trackId, waiting) };
  }

  private async candidates(trackId: TrackId, mappings: readonly TrackMapping[]): Promise<ReviewCandidate[]> {
    const ordered = [...mappings].sort(
      (a, b) =>
        a.service.localeCompare(b.service) ||
        b.confidence - a.confidence ||
        a.externalId.localeCompare(b.externalId),
    );
    const result: ReviewCandidate[] = [];
    for (const [n, mapping] of ordered.entries()) {
      const record = await this.stores.connectorTracks.find(mapping.service, mapping.externalId);
      result.push({ id: `${trackId}.${n + 1}`, mapping, record });
    }
    return result;
  }
}
