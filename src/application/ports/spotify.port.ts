// What Narada needs from Spotify (2026 Web API, development-mode app), in Narada's own terms.
// The adapter pages, batches, refreshes tokens and retries; callers see whole results.
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { PartialDate } from '../../domain/values/partial-date.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface SpotifyUser {
  readonly id: string;
  readonly displayName: string | null;
}

/** `narada auth status`: who the stored or configured login belongs to, or why there is none. */
export type SpotifyLoginStatus =
  | { readonly loggedIn: true; readonly user: SpotifyUser }
  | { readonly loggedIn: false; readonly reason: string };

export interface SpotifyPlaylistSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly ownerId: string;
  readonly ownerName: string | null;
  /** `null` when Spotify does not say (it omits it for some playlists). */
  readonly isPublic: boolean | null;
  readonly collaborative: boolean;
  readonly snapshotId: string;
  /** Number of entries as Spotify reports it, when it does. */
  readonly itemCount: number | null;
}

export interface SpotifyEpisode {
  readonly id: string;
  readonly title: string;
  readonly show: string | null;
  readonly durationMs: number | null;
  readonly releaseDate: PartialDate | null;
}

interface EntryBase {
  /** 0-based position in the playlist. */
  readonly position: number;
  /** `null` when Spotify does not know (it sends 1970-01-01 for very old entries). */
  readonly addedAt: EpochMs | null;
  readonly addedBy: string | null;
}

/**
 * One playlist entry. Entries Narada cannot treat as catalogue tracks are kept with their kind, so a
 * backup or a diff never loses them silently.
 */
export type SpotifyPlaylistEntry =
  | (EntryBase & { readonly kind: 'track'; readonly uri: string; readonly track: ConnectorTrack })
  /** A local file: `uri` is `spotify:local:…`, `track.externalId` is that URI. */
  | (EntryBase & { readonly kind: 'local'; readonly uri: string; readonly track: ConnectorTrack })
  | (EntryBase & { readonly kind: 'episode'; readonly uri: string; readonly episode: SpotifyEpisode })
  /** Spotify no longer serves the item (removed from the catalogue or region-locked). */
  | (EntryBase & { readonly kind: 'unavailable'; readonly uri: string | null });

export interface SpotifyPlaylist extends SpotifyPlaylistSummary {
  readonly entries: readonly SpotifyPlaylistEntry[];
}

export interface SavedTrack {
  readonly addedAt: EpochMs;
  /** `null` when Spotify no longer serves the saved track. */
  readonly track: ConnectorTrack | null;
}

export interface NewSpotifyPlaylist {
  readonly name: string;
  readonly description?: string;
  /** Default `false`: Narada does not publish what it creates unless asked. */
  readonly isPublic?: boolean;
  /** Collaborative playlists are always private (a Spotify rule). */
  readonly collaborative?: boolean;
}

/** Moves `rangeLength` entries starting at `rangeStart` before `insertBefore` (counted before the move). */
export interface PlaylistMove {
  readonly rangeStart: number;
  readonly rangeLength?: number;
  readonly insertBefore: number;
  readonly snapshotId?: string;
}

/** Search fields; at least one must be given. Spotify matches `title`/`artist`/`album` loosely. */
export interface SpotifyTrackQuery {
  readonly isrc?: string;
  readonly title?: string;
  readonly artist?: string;
  readonly album?: string;
  /** Free text, searched across fields. */
  readonly text?: string;
}

export interface ReadOptions {
  /** Called after each page with items read so far and the total when known. */
  readonly onProgress?: (done: number, total: number | null) => void;
}

export interface SpotifyPort {
  /** Never throws for a missing or revoked login: that is a status, not a failure. */
  whoAmI(): Promise<SpotifyLoginStatus>;
  getCurrentUser(): Promise<SpotifyUser>;
  /** Playlists the user owns or follows. */
  listMyPlaylists(options?: ReadOptions): Promise<readonly SpotifyPlaylistSummary[]>;
  /** Every entry, in order. Fails with SPOTIFY.PLAYLIST_NOT_YOURS when the items are not readable. */
  getPlaylist(playlistId: string, options?: ReadOptions): Promise<SpotifyPlaylist>;
  createPlaylist(playlist: NewSpotifyPlaylist): Promise<SpotifyPlaylistSummary>;
  /**
   * Any number of URIs, in order, at `position` (default: the end), in requests of at most 100.
   * Returns the snapshot id after the last request, `null` when `uris` is empty (nothing was sent).
   */
  addPlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options?: { readonly position?: number },
  ): Promise<string | null>;
  /**
   * Removes every occurrence of each URI, in requests of at most 100, each passing the snapshot id
   * the previous one returned. Returns the last snapshot id, `null` when `uris` is empty.
   */
  removePlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options?: { readonly snapshotId?: string },
  ): Promise<string | null>;
  /** Makes the playlist exactly `uris` (which drops every entry's `added_at`). */
  replacePlaylistItems(playlistId: string, uris: readonly string[]): Promise<string>;
  reorderPlaylistItems(playlistId: string, move: PlaylistMove): Promise<string>;
  /**
   * Saved tracks, newest first. With `addedSince`, reading stops at the first track saved before it
   * (tracks saved at exactly `addedSince` are included).
   */
  listSavedTracks(options?: ReadOptions & { readonly addedSince?: EpochMs }): Promise<readonly SavedTrack[]>;
  /** Track ids (not URIs); any number, batched as Spotify requires. */
  saveTracks(trackIds: readonly string[]): Promise<void>;
  removeSavedTracks(trackIds: readonly string[]): Promise<void>;
  /** `null` when Spotify has no such track. */
  getTrack(trackId: string): Promise<ConnectorTrack | null>;
  /** One request per id (Spotify has no batch look-up for development-mode apps); misses are absent. */
  getTracks(trackIds: readonly string[], options?: ReadOptions): Promise<ReadonlyMap<string, ConnectorTrack>>;
  /** At most 10 results (Spotify's 2026 page limit). */
  searchTracks(
    query: SpotifyTrackQuery,
    options?: { readonly limit?: number },
  ): Promise<readonly ConnectorTrack[]>;
}
