// Likes as the sync and the local database see them: Spotify saved tracks and Last.fm loves turned
// into SourceLikes, and Last.fm loves into connector records for the identity ingest.
import type { LastfmLovedTrack } from '../ports/lastfm.port.js';
import type { SavedTrack } from '../ports/spotify.port.js';
import type { SourceLike } from '../../domain/likes/source-like.js';
import { lastfmTrackKey, type ConnectorTrack } from '../../domain/track/connector-track.js';
import { Mbid } from '../../domain/values/mbid.js';

export type AvailableSavedTrack = SavedTrack & { readonly track: ConnectorTrack };

export function isAvailable(saved: SavedTrack): saved is AvailableSavedTrack {
  return saved.track !== null;
}

export function savedTrackLike(saved: AvailableSavedTrack): SourceLike {
  const { track } = saved;
  return {
    key: track.externalId,
    likedAt: saved.addedAt,
    title: track.title,
    artists: [...track.artists],
    album: track.album,
    durationMs: track.durationMs,
    isrc: track.isrc?.value ?? null,
    mbid: null,
  };
}

export function lovedTrackLike(love: LastfmLovedTrack): SourceLike {
  return {
    key: lastfmTrackKey(love.artist, love.title),
    likedAt: love.lovedAt,
    title: love.title,
    artists: [love.artist],
    album: null,
    durationMs: null,
    isrc: null,
    mbid: Mbid.tryParse(love.mbid)?.value ?? null,
  };
}
