// A service record named by a person on the command line, in the service's own key: a Spotify id, URI or
// link; a MusicBrainz recording MBID or link; a Last.fm track link or "Artist - Title".
import { InvalidInputError } from '../../domain/shared/errors.js';
import { SERVICES, type ServiceName } from '../../domain/shared/service.js';
import { lastfmTrackKey } from '../../domain/track/connector-track.js';
import { Mbid } from '../../domain/values/mbid.js';
import { SpotifyRef } from '../../domain/values/spotify-ref.js';

const LASTFM_TRACK_URL =
  /^(?:https?:\/\/)?(?:www\.)?last\.fm\/(?:[a-z]{2}\/)?music\/([^/]+)\/[^/]+\/([^/?#]+)/i;
const LASTFM_PAIR = /^(.+?)\s+[-–—]\s+(.+)$/;

export function parseServiceName(text: string): ServiceName {
  const service = SERVICES.find((name) => name === text.trim().toLowerCase());
  if (service === undefined) {
    throw new InvalidInputError(
      'IDENTITY.UNKNOWN_SERVICE',
      `Unknown service "${text}"; use one of: ${SERVICES.join(', ')}`,
    );
  }
  return service;
}

export function parseServiceRecordId(service: ServiceName, text: string): string {
  if (service === 'spotify') return SpotifyRef.parse(text, 'track').id;
  if (service === 'musicbrainz') return Mbid.parse(text).value;
  const url = LASTFM_TRACK_URL.exec(text.trim());
  if (url !== null) return lastfmTrackKey(decodeLastfm(url[1]!), decodeLastfm(url[2]!));
  const pair = LASTFM_PAIR.exec(text.trim());
  if (pair !== null) return lastfmTrackKey(pair[1]!, pair[2]!);
  throw new InvalidInputError(
    'IDENTITY.BAD_LASTFM_TRACK',
    `"${text}" names no Last.fm track; give "Artist - Title" or a https://www.last.fm/music/<artist>/_/<title> link`,
  );
}

/** Last.fm links write spaces as `+` and percent-encode the rest. */
function decodeLastfm(segment: string): string {
  return decodeURIComponent(segment.replace(/\+/g, ' '));
}
