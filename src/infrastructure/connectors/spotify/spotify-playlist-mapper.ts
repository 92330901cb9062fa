// Pure mapping of Spotify playlists and their entries (2026 `item` key, deprecated `track` alias).
import type {
  SpotifyPlaylistEntry,
  SpotifyPlaylistSummary,
} from '../../../application/ports/spotify.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { isEpisode, isLocalUri, mapEpisode, mapTrack, parseSpotifyInstant } from './spotify-track-mapper.js';
import type { WirePlaylist, WirePlaylistContent, WirePlaylistItem } from './spotify-wire.js';

export function mapPlaylistSummary(wire: WirePlaylist): SpotifyPlaylistSummary {
  const content = playlistContent(wire);
  return Object.freeze({
    id: wire.id ?? '',
    name: wire.name ?? '',
    description: wire.description == null || wire.description === '' ? null : wire.description,
    ownerId: wire.owner?.id ?? '',
    ownerName: wire.owner?.display_name ?? null,
    isPublic: typeof wire.public === 'boolean' ? wire.public : null,
    collaborative: wire.collaborative === true,
    snapshotId: wire.snapshot_id ?? '',
    itemCount: typeof content?.total === 'number' ? content.total : null,
  });
}

/** The entries page embedded in a playlist: `items` since 2026, `tracks` before. */
export function playlistContent(wire: WirePlaylist): WirePlaylistContent | null {
  return wire.items ?? wire.tracks ?? null;
}

/** The first page of entries when the playlist object carries one (not just `{href,total}`). */
export function embeddedEntries(wire: WirePlaylist): WirePlaylistContent | null {
  const content = playlistContent(wire);
  return content !== null && Array.isArray(content.items) ? content : null;
}

/**
 * One entry; nothing is dropped: what is no catalogue track keeps its kind, and a `null` in the list
 * keeps its place as an unavailable entry (Spotify counts it in the total).
 */
export function mapPlaylistEntry(
  wire: WirePlaylistItem | null,
  position: number,
  fetchedAt: EpochMs,
): SpotifyPlaylistEntry {
  if (wire === null || typeof wire !== 'object') {
    return Object.freeze({ position, addedAt: null, addedBy: null, kind: 'unavailable', uri: null });
  }
  const base = {
    position,
    addedAt: parseSpotifyInstant(wire.added_at),
    addedBy: wire.added_by?.id ?? null,
  };
  const content = wire.item !== undefined && wire.item !== null ? wire.item : (wire.track ?? null);
  if (content === null) return Object.freeze({ ...base, kind: 'unavailable', uri: null });
  const uri = typeof content.uri === 'string' && content.uri !== '' ? content.uri : null;
  if (isEpisode(content)) {
    const episode = mapEpisode(content);
    return Object.freeze(
      episode === null || uri === null
        ? { ...base, kind: 'unavailable', uri }
        : { ...base, kind: 'episode', uri, episode },
    );
  }
  const local = wire.is_local === true || content.is_local === true || isLocalUri(uri);
  const track = mapTrack(local ? { ...content, is_local: true } : content, fetchedAt);
  if (track === null || content.is_playable === false) {
    return Object.freeze({ ...base, kind: 'unavailable', uri });
  }
  const trackUri = uri ?? `spotify:track:${track.externalId}`;
  return Object.freeze(
    local
      ? { ...base, kind: 'local', uri: trackUri, track }
      : { ...base, kind: 'track', uri: trackUri, track },
  );
}

/** Entries of one page, numbered from the page's offset. */
export function mapPlaylistEntries(
  items: readonly (WirePlaylistItem | null)[],
  firstPosition: number,
  fetchedAt: EpochMs,
): SpotifyPlaylistEntry[] {
  return items.map((item, index) => mapPlaylistEntry(item, firstPosition + index, fetchedAt));
}
