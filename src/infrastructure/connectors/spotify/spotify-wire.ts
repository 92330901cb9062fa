// Spotify Web API JSON as it arrives, pre- and post-2026. Every field is optional or nullable because
// Spotify omits or nulls them for local files, unavailable items and deprecated fields.

export interface WireExternalIds {
  readonly isrc?: string | null;
}

export interface WireArtist {
  readonly id?: string | null;
  readonly name?: string | null;
}

export interface WireAlbum {
  readonly id?: string | null;
  readonly name?: string | null;
  readonly album_type?: string | null;
  readonly release_date?: string | null;
  readonly release_date_precision?: string | null;
}

export interface WireTrack {
  readonly type?: string;
  readonly id?: string | null;
  readonly uri?: string | null;
  readonly name?: string | null;
  readonly artists?: readonly WireArtist[] | null;
  readonly album?: WireAlbum | null;
  readonly duration_ms?: number | null;
  readonly explicit?: boolean | null;
  readonly external_ids?: WireExternalIds | null;
  readonly is_local?: boolean;
  readonly disc_number?: number | null;
  readonly track_number?: number | null;
  readonly is_playable?: boolean;
  /** Pre-2026 playlist items flag episodes served in track shape. */
  readonly episode?: boolean;
}

export interface WireEpisode {
  readonly type?: string;
  readonly id?: string | null;
  readonly uri?: string | null;
  readonly name?: string | null;
  readonly duration_ms?: number | null;
  readonly release_date?: string | null;
  readonly show?: { readonly name?: string | null } | null;
}

export interface WireUserRef {
  readonly id?: string | null;
  readonly display_name?: string | null;
}

/** A playlist entry: 2026 puts the content under `item`; `track` is its deprecated alias. */
export interface WirePlaylistItem {
  readonly added_at?: string | null;
  readonly added_by?: WireUserRef | null;
  readonly is_local?: boolean;
  readonly item?: (WireTrack & WireEpisode) | null;
  readonly track?: (WireTrack & WireEpisode) | null;
}

export interface WirePage<T> {
  readonly href?: string;
  readonly items?: readonly T[] | null;
  readonly limit?: number;
  readonly next?: string | null;
  readonly offset?: number;
  readonly total?: number | null;
}

/** `{href,total}` in playlist lists; a full page in `GET /playlists/{id}`. */
export type WirePlaylistContent = WirePage<WirePlaylistItem>;

export interface WirePlaylist {
  readonly id?: string;
  readonly name?: string | null;
  readonly description?: string | null;
  readonly owner?: WireUserRef | null;
  readonly public?: boolean | null;
  readonly collaborative?: boolean | null;
  readonly snapshot_id?: string | null;
  readonly items?: WirePlaylistContent | null;
  readonly tracks?: WirePlaylistContent | null;
}

export interface WireSavedTrack {
  readonly added_at?: string | null;
  readonly track?: WireTrack | null;
}

export interface WireSearchResult {
  readonly tracks?: WirePage<WireTrack> | null;
}

export interface WireSnapshot {
  readonly snapshot_id?: string;
}

export interface WireTokenResponse {
  readonly access_token?: string;
  readonly token_type?: string;
  readonly scope?: string;
  readonly expires_in?: number;
  readonly refresh_token?: string;
}

/** The one place wire JSON is trusted to be an object; fields are still read defensively. */
export function asWire<T>(body: unknown): T {
  return (typeof body === 'object' && body !== null ? body : {}) as T;
}
