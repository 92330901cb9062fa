// Pure mapping of `user.getRecentTracks` pages to listens: skips the now-playing entry, accepts a
// single-object `track`, the plain and the extended artist forms, and the old empty shape.
import type { LastfmListen, LastfmListenPage } from '../../../application/ports/lastfm.port.js';
import {
  flagOf,
  nameOf,
  mapPagedList,
  recordAt,
  secondsToMs,
  textOf,
  type WireRecord,
} from './lastfm-wire.js';

export function mapRecentTracksPage(body: unknown): LastfmListenPage {
  const { items, page } = mapPagedList(body, 'recenttracks', 'user.getRecentTracks', mapListen);
  return { ...page, listens: items };
}

/** Null for the now-playing entry and for entries without artist, title or time. */
export function mapListen(track: WireRecord): LastfmListen | null {
  if (isNowPlaying(track)) return null;
  const artist = nameOf(track.artist);
  const title = textOf(track.name);
  const playedAt = secondsToMs(recordAt(track, 'date').uts);
  if (artist === null || title === null || playedAt === null) return null;
  const artistWire = recordAt(track, 'artist');
  const album = recordAt(track, 'album');
  return {
    artist,
    artistMbid: textOf(artistWire.mbid),
    title,
    mbid: textOf(track.mbid),
    album: textOf(track.album),
    albumMbid: textOf(album.mbid),
    playedAt,
    loved: flagOf(track.loved),
    url: textOf(track.url),
    raw: track,
  };
}

export function isNowPlaying(track: WireRecord): boolean {
  return flagOf(recordAt(track, '@attr').nowplaying) === true;
}
