// Merging two internal tracks found to be one recording, and undoing it: which one survives, and the
// lifecycle checks around the merge store.
import type { TrackMergeRecord } from '../ports/identity-merge-store.port.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import type { IdentityStatus, Track } from '../../domain/track/track.js';
import type { IdentityStores } from './identity-stores.js';

const RANK: Readonly<Record<IdentityStatus, number>> = {
  provisional: 0,
  resolved: 1,
  canonical: 2,
  merged: -1,
};

/**
 * The track that should stand for both: the better-established identity (canonical over resolved over
 * provisional), then the one with a recording MBID, then with an ISRC, then the older.
 */
export function chooseSurvivor(a: Track, b: Track): { readonly survivor: Track; readonly merged: Track } {
  const score = (t: Track) => [RANK[t.status], t.mbid === null ? 0 : 1, t.isrc === null ? 0 : 1, -t.id];
  const [x, y] = [score(a), score(b)];
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i]! > y[i]! ? { survivor: a, merged: b } : { survivor: b, merged: a };
  }
  return { survivor: a, merged: b };
}

type StandingStatus = Exclude<IdentityStatus, 'merged'>;

export class TrackMerger {
  constructor(private readonly stores: Pick<IdentityStores, 'merges' | 'clock' | 'tracks'>) {}

  /** Merges the two, keeping the one `chooseSurvivor` picks. */
  merge(a: Track, b: Track, reason: string): Promise<TrackMergeRecord> {
    const { survivor, merged } = chooseSurvivor(a, b);
    return this.mergeInto(survivor, merged, reason);
  }

  /** Merges `merged` into `survivor` as asked. */
  async mergeInto(survivor: Track, merged: Track, reason: string): Promise<TrackMergeRecord> {
    if (merged.isMerged) {
      throw new InvalidInputError(
        'IDENTITY.ALREADY_MERGED',
        `Track ${merged.id} is already merged into track ${merged.mergedInto}; unmerge it first with \`narada tracks unmerge ${merged.id}\``,
      );
    }
    const previous = merged.status as StandingStatus;
    return this.stores.merges.merge(merged.mergeInto(survivor, this.stores.clock.now()), previous, reason);
  }

  /** Undoes the merge that made `track` merged, putting back what it moved; returns the undone merge. */
  async unmerge(track: Track): Promise<TrackMergeRecord> {
    const merge = track.isMerged ? await this.stores.merges.standingMerge(track.id) : null;
    if (merge === null) {
      throw new InvalidInputError(
        'IDENTITY.NOT_MERGED',
        track.isMerged
          ? `Track ${track.id} was merged without a journal, so it cannot be undone exactly`
          : `Track ${track.id} is not merged; \`narada tracks show ${track.id}\` lists what was merged into it`,
      );
    }
    const at = this.stores.clock.now();
    return this.stores.merges.unmerge(merge, track.unmerge(merge.previousStatus, at), at);
  }
}
