// Pure mapping of `user.getLovedTracks` pages: artist `{name, mbid}`, love time in `date.uts`.
import type { LastfmLovedTrack, LastfmLovedTracksPage } from '../../../application/ports/lastfm.port.js';
import { nameOf, mapPagedList, recordAt, secondsToMs, textOf, type WireRecord } from './lastfm-wire.js';

export function mapLovedTracksPage(body: unknown): LastfmLovedTracksPage {
  const { items, page } = mapPagedList(body, 'lovedtracks', 'user.getLovedTracks', mapLovedTrack);
  return { ...page, tracks: items };
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
