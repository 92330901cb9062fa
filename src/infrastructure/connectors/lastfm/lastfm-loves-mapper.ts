// Pure mapping of `user.getLovedTracks` pages: artist `{name, mbid}`, love time in `date.uts`.
import type { LastfmLovedTrack, LastfmLovedTracksPage } from '../../../application/ports/lastfm.port.js';
import {
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

export function mapLovedTracksPage(body: unknown): LastfmLovedTracksPage {
  if (!isRecord(body) || !isRecord(body.lovedtracks)) {
    throw unexpectedResponse('user.getLovedTracks', 'no "lovedtracks" object');
  }
  const list = body.lovedtracks;
  const tracks = listOf(list.track)
    .map(mapLovedTrack)
    .filter((track): track is LastfmLovedTrack => track !== null);
  const attrs = isRecord(list['@attr']) ? list['@attr'] : list;
  return { ...pageInfoOf(attrs, tracks.length), tracks };
}

export function mapLovedTrack(track: WireRecord): LastfmLovedTrack | null {
  const artist = nameOf(track.artist);
  const title = textOf(track.name);
  if (artist === null || title === null) return null;
  return {
    artist,
    artistMbid: textOf(recordAt(track, 'artist').mbid),
    title,
    mbid: textOf(track.mbid),
    lovedAt: secondsToMs(recordAt(track, 'date').uts),
    url: textOf(track.url),
    raw: track,
  };
}
