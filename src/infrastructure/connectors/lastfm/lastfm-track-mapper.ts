// Pure mapping of `track.getInfo` and `track.search` responses.
import type { LastfmSearchHit, LastfmTrackInfo } from '../../../application/ports/lastfm.port.js';
import {
  countOf,
  flagOf,
  isRecord,
  listOf,
  nameOf,
  recordAt,
  textOf,
  unexpectedResponse,
  type WireRecord,
} from './lastfm-wire.js';

/**
 * Null when Last.fm does not know the track. For an unknown artist/title Last.fm may answer 200
 * with a stub (fixture `track.getInfo-not-found.json`): no MBID, no album, no tags, duration 0 and,
 * although a user was asked about, no `userplaycount`. A stub's counts describe nothing real.
 */
export function mapTrackInfo(body: unknown, askedForUser: boolean): LastfmTrackInfo | null {
  if (!isRecord(body) || !isRecord(body.track))
    throw unexpectedResponse('track.getInfo', 'no "track" object');
  const track = body.track;
  const artist = nameOf(track.artist);
  const title = textOf(track.name);
  if (artist === null || title === null) return null;
  if (isStub(track, askedForUser)) return null;
  const album = recordAt(track, 'album');
  const durationMs = countOf(track.duration);
  return {
    artist,
    title,
    mbid: textOf(track.mbid),
    artistMbid: textOf(recordAt(track, 'artist').mbid),
    album: textOf(album.title),
    albumMbid: textOf(album.mbid),
    durationMs: durationMs === null || durationMs <= 0 ? null : durationMs,
    globalPlaycount: countOf(track.playcount),
    listeners: countOf(track.listeners),
    userPlaycount: countOf(track.userplaycount),
    userLoved: flagOf(track.userloved),
    url: textOf(track.url),
    raw: track,
  };
}

function isStub(track: WireRecord, askedForUser: boolean): boolean {
  const tags = listOf(recordAt(track, 'toptags').tag);
  return (
    textOf(track.mbid) === null &&
    !isRecord(track.album) &&
    tags.length === 0 &&
    (countOf(track.duration) ?? 0) === 0 &&
    (!askedForUser || track.userplaycount === undefined)
  );
}

export function mapTrackSearch(body: unknown): LastfmSearchHit[] {
  if (!isRecord(body) || !isRecord(body.results))
    throw unexpectedResponse('track.search', 'no "results" object');
  return listOf(recordAt(body.results, 'trackmatches').track).flatMap((match) => {
    const artist = nameOf(match.artist);
    const title = textOf(match.name);
    if (artist === null || title === null) return [];
    return [
      {
        artist,
        title,
        mbid: textOf(match.mbid),
        listeners: countOf(match.listeners),
        url: textOf(match.url),
      },
    ];
  });
}
