// Pure mapping of the discovery answers: `track.getSimilar` and the `toptracks` charts of users and
// artists, and the `toptags` of tracks and artists. getSimilar sends numbers as numbers (`match`,
// `playcount`, `duration` in seconds); the charts send them as strings; one item may be a bare object.
import type { LastfmChartPage, LastfmChartTrack, LastfmTag } from '../../../application/ports/lastfm.port.js';
import {
  countOf,
  isRecord,
  listOf,
  nameOf,
  pageInfoOf,
  recordAt,
  textOf,
  unexpectedResponse,
  type WireRecord,
} from './lastfm-wire.js';

export function mapSimilarTracks(body: unknown): LastfmChartTrack[] {
  if (!isRecord(body) || !isRecord(body.similartracks))
    throw unexpectedResponse('track.getSimilar', 'no "similartracks" object');
  return chartTracks(body.similartracks, true);
}

/** `user.getTopTracks` and `artist.getTopTracks` share the `toptracks` shape. */
export function mapTopTracksPage(body: unknown, method: string): LastfmChartPage {
  if (!isRecord(body) || !isRecord(body.toptracks)) throw unexpectedResponse(method, 'no "toptracks" object');
  const tracks = chartTracks(body.toptracks, false);
  const attrs = isRecord(body.toptracks['@attr']) ? body.toptracks['@attr'] : body.toptracks;
  return { ...pageInfoOf(attrs, tracks.length), tracks };
}

/** Tags heaviest first; the weight is a whole number 0–100 (a string in some answers). */
export function mapTopTags(body: unknown, method: string): LastfmTag[] {
  if (!isRecord(body) || !isRecord(body.toptags)) throw unexpectedResponse(method, 'no "toptags" object');
  return listOf(body.toptags.tag)
    .flatMap((tag) => {
      const name = textOf(tag.name);
      if (name === null) return [];
      const count = countOf(tag.count) ?? 0;
      return [{ name: name.trim(), count: Math.max(0, Math.min(100, count)) }];
    })
    .sort((a, b) => b.count - a.count);
}

function chartTracks(list: WireRecord, withMatch: boolean): LastfmChartTrack[] {
  return listOf(list.track).flatMap((track) => {
    const artist = nameOf(track.artist);
    const title = textOf(track.name);
    if (artist === null || title === null) return [];
    const seconds = countOf(track.duration);
    return [
      {
        artist,
        artistMbid: textOf(recordAt(track, 'artist').mbid),
        title,
        mbid: textOf(track.mbid),
        durationMs: seconds === null || seconds <= 0 ? null : seconds * 1000,
        playcount: countOf(track.playcount),
        match: withMatch ? ratioOf(track.match) : null,
        url: textOf(track.url),
      },
    ];
  });
}

/** A decimal sent as a number or a string ("0.873"). */
function ratioOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : null;
}
