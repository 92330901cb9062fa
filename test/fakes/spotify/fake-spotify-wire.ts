// The fake Spotify's JSON, shaped like 2026 production for a development-mode app: no `popularity`,
// `available_markets` or private user fields; playlist entries carry both `item` and `track`.
import type {
  FakeEpisode,
  FakePlaylist,
  FakePlaylistEntry,
  FakeSpotifyState,
  FakeTrack,
} from './fake-spotify-model.js';

export type Json = Record<string, unknown>;

export class FakeSpotifyWire {
  constructor(
    private readonly state: FakeSpotifyState,
    private readonly apiUrl: () => string,
  ) {}

  user(userId: string): Json {
    const user = this.state.users.get(userId);
    return {
      display_name: user?.displayName ?? userId,
      external_urls: { spotify: `https://open.spotify.com/user/${userId}` },
      href: `${this.apiUrl()}/users/${encodeURIComponent(userId)}`,
      id: userId,
      images: [],
      type: 'user',
      uri: `spotify:user:${userId}`,
    };
  }

  /** Users as they appear inside other objects (`owner` carries a display name, `added_by` does not). */
  userRef(userId: string): Json {
    const { display_name: _omitted, images: _none, ...ref } = this.user(userId);
    return ref;
  }

  track(track: FakeTrack): Json {
    const artist = (a: { id: string; name: string }): Json => ({
      external_urls: { spotify: `https://open.spotify.com/artist/${a.id}` },
      href: `${this.apiUrl()}/artists/${a.id}`,
      id: a.id,
      name: a.name,
      type: 'artist',
      uri: `spotify:artist:${a.id}`,
    });
    return {
      album: {
        album_type: track.album.albumType,
        artists: track.album.artists.map(artist),
        external_urls: { spotify: `https://open.spotify.com/album/${track.album.id}` },
        href: `${this.apiUrl()}/albums/${track.album.id}`,
        id: track.album.id,
        images: [],
        name: track.album.name,
        release_date: track.album.releaseDate,
        release_date_precision: track.album.releaseDatePrecision,
        total_tracks: 12,
        type: 'album',
        uri: `spotify:album:${track.album.id}`,
      },
      artists: track.artists.map(artist),
      disc_number: track.discNumber,
      duration_ms: track.durationMs,
      explicit: track.explicit,
      external_ids: track.isrc === null ? {} : { isrc: track.isrc },
      external_urls: { spotify: `https://open.spotify.com/track/${track.id}` },
      href: `${this.apiUrl()}/tracks/${track.id}`,
      id: track.id,
      is_local: false,
      name: track.name,
      track_number: track.trackNumber,
      type: 'track',
      uri: `spotify:track:${track.id}`,
    };
  }

  /** Local files: no ids, hrefs or ISRC; names and duration come from the URI. */
  localTrack(uri: string): Json {
    const [artist = '', album = '', title = '', seconds = '0'] = uri
      .slice('spotify:local:'.length)
      .split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    return {
      album: {
        album_type: null,
        artists: [],
        external_urls: {},
        href: null,
        id: null,
        images: [],
        name: album,
        release_date: null,
        release_date_precision: null,
        type: 'album',
        uri: null,
      },
      artists: [{ external_urls: {}, href: null, id: null, name: artist, type: 'artist', uri: null }],
      disc_number: 0,
      duration_ms: Number(seconds) * 1000,
      explicit: false,
      external_ids: {},
      external_urls: {},
      href: null,
      id: null,
      is_local: true,
      name: title,
      track_number: 0,
      type: 'track',
      uri,
    };
  }

  episode(episode: FakeEpisode): Json {
    return {
      duration_ms: episode.durationMs,
      explicit: false,
      external_urls: { spotify: `https://open.spotify.com/episode/${episode.id}` },
      href: `${this.apiUrl()}/episodes/${episode.id}`,
      id: episode.id,
      name: episode.name,
      release_date: episode.releaseDate,
      release_date_precision: 'day',
      show: {
        id: episode.showId,
        name: episode.showName,
        type: 'show',
        uri: `spotify:show:${episode.showId}`,
      },
      type: 'episode',
      uri: `spotify:episode:${episode.id}`,
    };
  }

  /** What a playlist entry's URI resolves to now; `null` when Spotify no longer serves it. */
  content(uri: string): Json | null {
    const [, kind, id = ''] = uri.split(':');
    if (kind === 'local') return this.localTrack(uri);
    if (kind === 'episode') {
      const episode = this.state.episodes.get(id);
      return episode === undefined ? null : this.episode(episode);
    }
    const track = this.state.tracks.get(id);
    return track === undefined ? null : this.track(track);
  }

  playlistEntry(entry: FakePlaylistEntry): Json {
    const content = this.content(entry.uri);
    return {
      added_at: entry.addedAt,
      added_by: this.userRef(entry.addedBy),
      is_local: entry.uri.startsWith('spotify:local:'),
      primary_color: null,
      video_thumbnail: { url: null },
      item: content,
      track: content,
    };
  }

  /**
   * A playlist; `entries` is its first page of entries when the viewer may read them, else only
   * `{href,total}` (the 2026 rule for playlists the user neither owns nor collaborates on).
   */
  playlist(playlist: FakePlaylist, entries: Json | null): Json {
    const itemsHref = `${this.apiUrl()}/playlists/${playlist.id}/items`;
    const content = entries ?? { href: itemsHref, total: playlist.entries.length };
    return {
      collaborative: playlist.collaborative,
      description: playlist.description ?? '',
      external_urls: { spotify: `https://open.spotify.com/playlist/${playlist.id}` },
      href: `${this.apiUrl()}/playlists/${playlist.id}`,
      id: playlist.id,
      images: [],
      name: playlist.name,
      owner: this.user(playlist.ownerId),
      public: playlist.isPublic,
      snapshot_id: playlist.snapshotId,
      items: content,
      tracks: content,
      type: 'playlist',
      uri: `spotify:playlist:${playlist.id}`,
    };
  }

  /** A paging object; `next`/`previous` keep the request's other query parameters. */
  page(url: URL, items: readonly unknown[], offset: number, limit: number, total: number): Json {
    const at = (newOffset: number): string => {
      const link = new URL(url);
      link.searchParams.set('offset', String(newOffset));
      link.searchParams.set('limit', String(limit));
      return link.toString();
    };
    return {
      href: at(offset),
      items,
      limit,
      next: offset + limit < total ? at(offset + limit) : null,
      offset,
      previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
      total,
    };
  }
}
