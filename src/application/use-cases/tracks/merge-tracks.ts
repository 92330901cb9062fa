// `narada tracks merge <a> <b>`: the person says two tracks are one recording; <a> stands for both.
import type { TrackMergeRecord } from '../../ports/identity-merge-store.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { TrackId } from '../../../domain/track/track.js';
import { IdentityLinker } from '../../tracks/identity-linker.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';
import { TrackMerger } from '../../tracks/track-merger.js';

export class MergeTracks {
  private readonly linker: IdentityLinker;
  private readonly merger: TrackMerger;

  constructor(private readonly stores: IdentityStores) {
    this.linker = new IdentityLinker(stores);
    this.merger = new TrackMerger(stores);
  }

  /** Merges `mergedId` into `survivorId` (each followed to the track standing for it now). */
  run(survivorId: TrackId, mergedId: TrackId): Promise<TrackMergeRecord> {
    return this.stores.unitOfWork.transaction(async () => {
      const survivor = await this.linker.current(survivorId);
      const merged = await this.linker.current(mergedId);
      if (survivor.id === merged.id) {
        throw new InvalidInputError(
          'IDENTITY.SAME_TRACK',
          `Tracks ${survivorId} and ${mergedId} are already one track (${survivor.id}); nothing to merge`,
        );
      }
      return this.merger.mergeInto(survivor, merged, 'merged by the user');
    });
  }
}
