// Pure mapping of `user.getRecentTracks` pages to listens: skips the now-playing entry, accepts a
// single-object `track`, the plain and the extended artist forms, and the old empty shape.
import type { LastfmListen, LastfmListenPage } from '../../../application/ports/lastfm.port.js';
import {
  flagOf,
  isRecord,
  listOf,
  nameOf,
  pageInfoOf,
  recordAt,
  secondsToMs,
  textOf,
  unexpectedResponse,
  type WireRecord,
} from './lastfm-wire.js';

export function mapRecentTracksPage(body: unknown): LastfmListenPage {
  if (!isRecord(body) || !isRecord(body.recenttracks)) {
    throw unexpectedResponse('user.getRecentTracks', 'no "recenttracks" object');
  }
  const list = body.recenttracks;
  const listens = listOf(list.track)
    .map(mapListen)
    .filter((listen): listen is LastfmListen => listen !== null);
  // The old empty shape carries the paging facts on the list itself instead of in `@attr`.
  const attrs = isRecord(list['@attr']) ? list['@attr'] : list;
  return { ...pageInfoOf(attrs, listens.length), listens };
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
