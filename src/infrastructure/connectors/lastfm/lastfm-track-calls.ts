// `track.getInfo` (with the user's play count and love, autocorrected) and `track.search`.
import type {
  LastfmSearchHit,
  LastfmTrackInfo,
  TrackInfoQuery,
  TrackSearchQuery,
} from '../../../application/ports/lastfm.port.js';
import { NotFoundError } from '../../../application/ports/upstream-errors.js';
import { mapTrackInfo, mapTrackSearch } from './lastfm-track-mapper.js';
import type { LastfmTransport } from './lastfm-transport.js';

export async function fetchTrackInfo(
  transport: LastfmTransport,
  query: TrackInfoQuery,
): Promise<LastfmTrackInfo | null> {
  const username = query.user ?? (await transport.knownUsername()) ?? undefined;
  try {
    const body = await transport.read('track.getInfo', {
      artist: query.artist,
      track: query.title,
      username,
      autocorrect: 1,
    });
    return mapTrackInfo(body, username !== undefined);
  } catch (error) {
    // A miss is an answer for look-ups: enrichers skip the track and go on.
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function searchTracks(
  transport: LastfmTransport,
  query: TrackSearchQuery,
): Promise<LastfmSearchHit[]> {
  const body = await transport.read('track.search', {
    track: query.title,
    artist: query.artist,
    limit: query.limit ?? 30,
    page: query.page ?? 1,
  });
  return mapTrackSearch(body);
}
