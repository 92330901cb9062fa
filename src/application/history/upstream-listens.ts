// Turns what the upstreams report (a Last.fm scrobble, a Spotify export row, a Last.fm CSV or
// ListenBrainz export row) into listens to record:
// the ledger event exactly as received, and the upstream's record of the track.
import type { FileListen } from '../ports/history-file.port.js';
import type { LastfmListen } from '../ports/lastfm.port.js';
import type { UpstreamTrack } from '../ports/provisional-track-store.port.js';
import { listenIdentity } from '../../domain/history/listen-identity.js';
import type { SpotifyListen } from '../../domain/history/spotify-listen-rules.js';
import { lastfmTrackKey } from '../../domain/track/connector-track.js';
import { SpotifyRef } from '../../domain/values/spotify-ref.js';
import type { ListenToRecord } from './listen-recorder.js';

/** Identity keys of recent track keys: the same few thousand tracks recur across a history. */
export class IdentityMemo {
  private readonly known = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  of(trackKey: string, artist: string, title: string): string {
    let identity = this.known.get(trackKey);
    if (identity === undefined) {
      if (this.known.size >= this.capacity) this.known.clear();
      identity = listenIdentity(artist, title);
      this.known.set(trackKey, identity);
    }
    return identity;
  }
}

export function lastfmListenToRecord(
  listen: LastfmListen,
  user: string,
  importRunId: number | null,
  identities: IdentityMemo,
): ListenToRecord {
  // Built field by field, the key once: this runs for every scrobble of a history.
  const { artist, title, album, mbid } = listen;
  const trackKey = lastfmTrackKey(artist, title);
  return {
    event: {
      user,
      source: 'lastfm',
      playedAt: listen.playedAt,
      trackKey,
      msPlayed: null,
      payload: listen.rawText,
      importRunId,
    },
    track: {
      service: 'lastfm',
      externalId: trackKey,
      method: 'artist_title',
      title,
      artists: [artist],
      album,
      source: 'lastfm',
      attributes: { mbid },
      raw: { artist, title, album, mbid },
    },
    identity: identities.of(trackKey, artist, title),
  };
}

export function spotifyListenToRecord(
  listen: SpotifyListen,
  payload: string,
  user: string,
  importRunId: number | null,
  identities: IdentityMemo,
): ListenToRecord {
  return {
    event: {
      user,
      source: 'spotify_export',
      playedAt: listen.playedAt,
      trackKey: listen.trackKey,
      msPlayed: listen.msPlayed,
      payload,
      importRunId,
    },
    track: spotifyTrack(listen),
    identity: identities.of(listen.trackKey, listen.artist, listen.title),
  };
}

/** A Last.fm CSV or page-dump row or a ListenBrainz listen: keyed by artist and title, the way Last.fm keys tracks. */
export function fileListenToRecord(
  listen: FileListen,
  user: string,
  importRunId: number | null,
  identities: IdentityMemo,
): ListenToRecord {
  const { artist, title, album } = listen;
  const track = nameKeyedTrack(
    artist,
    title,
    album,
    listen.source === 'listenbrainz' ? 'listenbrainz' : 'lastfm',
  );
  // A page dump's scrobble is recorded as `history import lastfm` records it, MBID included.
  const mbid: Record<string, string | null> = listen.source === 'lastfm' ? { mbid: listen.mbid ?? null } : {};
  return {
    event: {
      user,
      source: listen.source,
      playedAt: listen.playedAt,
      trackKey: track.externalId,
      msPlayed: null,
      payload: listen.payload,
      importRunId,
    },
    track: { ...track, attributes: mbid, raw: { artist, title, album, ...mbid } },
    identity: identities.of(track.externalId, artist, title),
  };
}

/**
 * A Spotify id (or a local file's URI) when the row has one; rows of the account-data export name
 * only artist and title, so they are keyed the way Last.fm keys tracks (and meet its scrobbles).
 */
function spotifyTrack(listen: SpotifyListen): UpstreamTrack {
  const uri = listen.trackUri;
  const externalId = uri?.startsWith('spotify:local:') ? uri : SpotifyRef.tryParse(uri, 'track')?.id;
  const raw = { artist: listen.artist, title: listen.title, album: listen.album, uri };
  if (externalId === undefined) {
    return {
      ...nameKeyedTrack(listen.artist, listen.title, listen.album, 'spotify_export'),
      attributes: {},
      raw,
    };
  }
  return {
    service: 'spotify',
    externalId,
    method: 'spotify_id',
    title: listen.title,
    artists: [listen.artist],
    album: listen.album,
    attributes: {},
    source: 'spotify_export',
    raw,
  };
}

/** A track named by artist and title, keyed as Last.fm keys tracks (attributes and raw are the caller's). */
export function nameKeyedTrack(
  artist: string,
  title: string,
  album: string | null,
  source: UpstreamTrack['source'],
): Omit<UpstreamTrack, 'attributes' | 'raw'> {
  return {
    service: 'lastfm',
    externalId: lastfmTrackKey(artist, title),
    method: 'artist_title',
    title,
    artists: [artist],
    album,
    source,
  };
}
