// Playlists as Narada stores them: a service's playlist or an internal one, with ordered items.
import type { ServiceName } from '../shared/service.js';
import type { EpochMs } from '../values/time.js';
import type { TrackId } from '../track/track.js';

export type PlaylistId = number;

export interface PlaylistItem {
  /** 0-based position in the playlist. */
  readonly position: number;
  readonly trackId: TrackId;
  readonly addedAt: EpochMs | null;
  readonly addedBy: string | null;
}

export interface Playlist {
  readonly id: PlaylistId;
  /** `null` for a playlist that lives only in Narada. */
  readonly service: ServiceName | null;
  readonly externalId: string | null;
  readonly name: string;
  readonly description: string | null;
  readonly owner: string | null;
  readonly isPublic: boolean | null;
  readonly collaborative: boolean;
  readonly snapshotId: string | null;
  readonly items: readonly PlaylistItem[];
  readonly updatedAt: EpochMs;
}

export type PlaylistDraft = Omit<Playlist, 'id'>;
