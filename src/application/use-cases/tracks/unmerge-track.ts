// `narada tracks unmerge <track>`: undoes the merge that folded the track into another, exactly: what
// the merge moved goes back, summed counts are split again, and resolution never re-merges the pair.
import type { TrackMergeRecord } from '../../ports/identity-merge-store.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';
import { TrackMerger } from '../../tracks/track-merger.js';

export class UnmergeTrack {
  private readonly merger: TrackMerger;

  constructor(private readonly stores: IdentityStores) {
    this.merger = new TrackMerger(stores);
  }

  async run(trackId: TrackId): Promise<TrackMergeRecord> {
    const track = await this.stores.tracks.findById(trackId);
    if (track === null) {
      throw new NaradaError(
        'IDENTITY.NO_SUCH_TRACK',
        `There is no track ${trackId}; find it with \`narada tracks show <query>\``,
        'input',
      );
    }
    return this.merger.unmerge(track);
  }
}
