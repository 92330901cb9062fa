// The internal track: Narada's own identity for one recording, linked to each service's record.
import { InvalidInputError } from '../shared/errors.js';
import type { RecordSource } from '../shared/service.js';
import type { Isrc } from '../values/isrc.js';
import type { Mbid } from '../values/mbid.js';
import type { PartialDate } from '../values/partial-date.js';
import type { EpochMs } from '../values/time.js';

export type TrackId = number;

/**
 * provisional: created from one service's metadata, not yet confirmed elsewhere.
 * resolved:    linked to at least one other service with an accepted confidence.
 * canonical:   confirmed by a deterministic key (ISRC/MBID) or by the user.
 * merged:      proved to be another track; `mergedInto` points at the survivor.
 */
export type IdentityStatus = 'provisional' | 'resolved' | 'canonical' | 'merged';

export interface TrackProps {
  readonly id: TrackId;
  readonly title: string;
  /** Credited artists in credit order; the first is the primary artist. */
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly releaseDate: PartialDate | null;
  readonly isrc: Isrc | null;
  readonly mbid: Mbid | null;
  readonly status: IdentityStatus;
  /** Confidence 0–100 in the current identity. */
  readonly confidence: number;
  readonly source: RecordSource;
  readonly mergedInto: TrackId | null;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

/** A track not yet stored: everything but the id and the lifecycle fields that start fixed. */
export type TrackDraft = Omit<TrackProps, 'id' | 'status' | 'mergedInto' | 'createdAt' | 'updatedAt'> & {
  readonly status?: IdentityStatus;
};

export class Track implements TrackProps {
  readonly id!: TrackId;
  readonly title!: string;
  readonly artists!: readonly string[];
  readonly album!: string | null;
  readonly durationMs!: number | null;
  readonly releaseDate!: PartialDate | null;
  readonly isrc!: Isrc | null;
  readonly mbid!: Mbid | null;
  readonly status!: IdentityStatus;
  readonly confidence!: number;
  readonly source!: RecordSource;
  readonly mergedInto!: TrackId | null;
  readonly createdAt!: EpochMs;
  readonly updatedAt!: EpochMs;

  constructor(props: TrackProps) {
    if (props.title.trim() === '')
      throw new InvalidInputError('TRACK.NO_TITLE', `Track ${props.id} has an empty title`);
    if (props.confidence < 0 || props.confidence > 100 || Number.isNaN(props.confidence)) {
      throw new InvalidInputError(
        'TRACK.BAD_CONFIDENCE',
        `Track confidence must be 0–100, got ${props.confidence}`,
      );
    }
    if ((props.status === 'merged') !== (props.mergedInto !== null) || props.mergedInto === props.id) {
      throw new InvalidInputError(
        'TRACK.BAD_MERGE_STATE',
        `Track ${props.id} has status ${props.status} and mergedInto ${props.mergedInto}: a merged track ` +
          'must point at another track, and only a merged one may',
      );
    }
    Object.assign(this, props, { artists: Object.freeze([...props.artists]) });
    Object.freeze(this);
  }

  get primaryArtist(): string {
    return this.artists[0] ?? '';
  }

  get isMerged(): boolean {
    return this.status === 'merged';
  }

  with(changes: Partial<Omit<TrackProps, 'id' | 'createdAt'>>, at: EpochMs): Track {
    return new Track({ ...this, ...changes, updatedAt: at });
  }

  /** This track proved to be `survivor`: it is kept, marked merged, and points there. */
  mergeInto(survivor: Track, at: EpochMs): Track {
    if (survivor.id === this.id)
      throw new InvalidInputError('TRACK.SELF_MERGE', `Track ${this.id} cannot be merged into itself`);
    if (survivor.isMerged) {
      throw new InvalidInputError(
        'TRACK.MERGE_INTO_MERGED',
        `Track ${survivor.id} is itself merged; merge into ${survivor.mergedInto} instead`,
      );
    }
    return this.with({ status: 'merged', mergedInto: survivor.id }, at);
  }

  /** Undo of `mergeInto`: the track stands on its own again with the status it had. */
  unmerge(previousStatus: Exclude<IdentityStatus, 'merged'>, at: EpochMs): Track {
    // Unmerging a track that stands alone would silently rewrite its status (canonical → provisional).
    if (!this.isMerged)
      throw new InvalidInputError(
        'TRACK.NOT_MERGED',
        `Track ${this.id} is not merged; there is nothing to undo`,
      );
    return this.with({ status: previousStatus, mergedInto: null }, at);
  }

  /** Raise the identity status; never lowers it (canonical stays canonical). */
  promote(status: 'resolved' | 'canonical', confidence: number, at: EpochMs): Track {
    const rank: Record<IdentityStatus, number> = { provisional: 0, resolved: 1, canonical: 2, merged: 3 };
    if (rank[status] <= rank[this.status]) return this;
    return this.with({ status, confidence }, at);
  }
}
