// Pure mapping of `user.getRecentTracks` pages to listens: skips the now-playing entry, accepts a
// single-object `track`, the plain and the extended artist forms, and the old empty shape.
import type { LastfmListen, LastfmListenPage } from '../../../application/ports/lastfm.port.js';
import { jsonElementTexts } from './json-element-texts.js';
import {
  flagOf,
  isNowPlaying,
  nameOf,
  mapPagedList,
  recordAt,
  secondsToMs,
  textOf,
  type WireRecord,
} from './lastfm-wire.js';

const TRACKS_PATH = ['recenttracks', 'track'];

/** `text` is the body as received: each listen keeps its entry's text from it, byte for byte. */
export function mapRecentTracksPage(body: unknown, text: string | null = null): LastfmListenPage {
  const texts = text === null ? null : entryTexts(body, text);
  const { items, page } = mapPagedList(body, 'recenttracks', 'user.getRecentTracks', (track, index) =>
    mapListen(track, texts?.[index]),
  );
  return { ...page, listens: items };
}

/**
 * The text of each `track` entry, by position; null when texts and parsed entries cannot be paired
 * for certain (a bare object, counts that differ), and listens fall back to re-serialising. There are
 * texts only when every entry is an object, so mapPagedList's positions are the array's.
 */
function entryTexts(body: unknown, text: string): readonly string[] | null {
  const entries = recordAt(body, 'recenttracks').track;
  const texts = jsonElementTexts(text, TRACKS_PATH);
  return Array.isArray(entries) && texts?.length === entries.length ? texts : null;
}

/**
 * Null for the now-playing entry and for entries without artist, title or time. Without the entry's
 * `rawText` as received, it is re-serialised from the parsed entry.
 */
export function mapListen(track: WireRecord, rawText?: string): LastfmListen | null {
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
    rawText: rawText ?? JSON.stringify(track),
  };
}
