// Pure mapping of the current user, saved tracks and search results.
import type { SavedTrack, SpotifyUser } from '../../../application/ports/spotify.port.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { mapTrack, parseSpotifyInstant } from './spotify-track-mapper.js';
import type { WireSavedTrack, WireSearchResult, WireUserRef } from './spotify-wire.js';

export function mapUser(wire: WireUserRef): SpotifyUser {
  return Object.freeze({
    id: wire.id ?? '',
    displayName: wire.display_name == null || wire.display_name === '' ? null : wire.display_name,
  });
}

/** `null` when the entry has no usable `added_at`; a track Spotify no longer serves maps to `track: null`. */
export function mapSavedTrack(wire: WireSavedTrack, fetchedAt: EpochMs): SavedTrack | null {
  const addedAt = parseSpotifyInstant(wire.added_at);
  if (addedAt === null) return null;
  const track = wire.track == null ? null : mapTrack(wire.track, fetchedAt);
  return Object.freeze({ addedAt, track });
}

export function mapSearchTracks(wire: WireSearchResult, fetchedAt: EpochMs): ConnectorTrack[] {
  return (wire.tracks?.items ?? [])
    .map((item) => mapTrack(item, fetchedAt))
    .filter((track): track is ConnectorTrack => track !== null);
}
