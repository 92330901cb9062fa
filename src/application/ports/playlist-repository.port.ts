// Playlists with their ordered items, from a service or internal to Narada.
import type { ServiceName } from '../../domain/shared/service.js';
import type { Playlist, PlaylistDraft, PlaylistId } from '../../domain/playlist/playlist.js';

/** A playlist without its items, for listings. */
export type PlaylistSummary = Omit<Playlist, 'items'> & { readonly itemCount: number };

export interface PlaylistRepository {
  /**
   * Stores the playlist and replaces its items, in one transaction. A draft of a service playlist
   * already known (same service and external id) updates that one rather than adding a second.
   */
  save(playlist: Playlist | PlaylistDraft): Promise<Playlist>;
  findById(id: PlaylistId): Promise<Playlist | null>;
  findByExternal(service: ServiceName, externalId: string): Promise<Playlist | null>;
  /** Every playlist, by name. */
  list(): Promise<PlaylistSummary[]>;
}
