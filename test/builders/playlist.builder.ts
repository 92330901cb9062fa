// aPlaylist() and aPlaylistItem(): a Spotify playlist with ordered items.
import type { Playlist, PlaylistItem } from '../../src/domain/playlist/playlist.js';
import type { TrackId } from '../../src/domain/track/track.js';
import { BUILT_AT, nextId, spotifyIdFor } from './ids.js';

/** Position 0, a fresh track id, added at BUILT_AT by nobody in particular. */
export function aPlaylistItem(overrides: Partial<PlaylistItem> = {}): PlaylistItem {
  return Object.freeze({
    position: 0,
    trackId: nextId(),
    addedAt: BUILT_AT,
    addedBy: null,
    ...overrides,
  });
}

export type PlaylistOverrides = Partial<Playlist> & {
  /** Shorthand for `items`: these tracks at positions 0…n-1, each added a minute after the one before. */
  readonly trackIds?: readonly TrackId[];
};

/**
 * "Playlist n": an empty, private Spotify playlist owned by `narada-test`, unless overridden;
 * `service: null` makes an internal one (no external id).
 */
export function aPlaylist(overrides: PlaylistOverrides = {}): Playlist {
  const { trackIds, ...props } = overrides;
  const n = nextId();
  return Object.freeze({
    id: n,
    service: 'spotify',
    externalId: props.service === null ? null : spotifyIdFor(n),
    name: `Playlist ${n}`,
    description: null,
    owner: 'narada-test',
    isPublic: false,
    collaborative: false,
    snapshotId: `snapshot-${n}`,
    items: (trackIds ?? []).map((trackId, position) =>
      aPlaylistItem({ position, trackId, addedAt: BUILT_AT + position * 60_000 }),
    ),
    updatedAt: BUILT_AT,
    ...props,
  });
}
