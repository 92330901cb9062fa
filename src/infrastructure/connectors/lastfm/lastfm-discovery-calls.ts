// Discovery reads: similar tracks, the user's and an artist's top tracks, and track and artist top
// tags, all autocorrected. An unknown track or artist (error 6) is an answer here, returned as null.
import type {
  ArtistTopTracksQuery,
  LastfmChartPage,
  LastfmChartTrack,
  LastfmTag,
  LastfmTrackRef,
  SimilarTracksQuery,
  UserTopTracksQuery,
} from '../../../application/ports/lastfm.port.js';
import { NotFoundError } from '../../../application/ports/upstream-errors.js';
import { mapSimilarTracks, mapTopTags, mapTopTracksPage } from './lastfm-discovery-mapper.js';
import type { LastfmParams, LastfmTransport } from './lastfm-transport.js';

const DEFAULT_LIMIT = 50;

export async function fetchSimilarTracks(
  transport: LastfmTransport,
  query: SimilarTracksQuery,
): Promise<LastfmChartTrack[] | null> {
  const body = await readOrNull(transport, 'track.getSimilar', {
    artist: query.artist,
    track: query.title,
    limit: query.limit ?? DEFAULT_LIMIT,
    autocorrect: 1,
  });
  return body === null ? null : mapSimilarTracks(body);
}

export async function fetchUserTopTracks(
  transport: LastfmTransport,
  query: UserTopTracksQuery = {},
): Promise<LastfmChartPage> {
  const body = await transport.read('user.getTopTracks', {
    user: await transport.username(query.user),
    period: query.period ?? 'overall',
    limit: query.limit ?? DEFAULT_LIMIT,
    page: query.page ?? 1,
  });
  return mapTopTracksPage(body, 'user.getTopTracks');
}

export async function fetchArtistTopTracks(
  transport: LastfmTransport,
  query: ArtistTopTracksQuery,
): Promise<LastfmChartPage | null> {
  const body = await readOrNull(transport, 'artist.getTopTracks', {
    artist: query.artist,
    limit: query.limit ?? DEFAULT_LIMIT,
    page: query.page ?? 1,
    autocorrect: 1,
  });
  return body === null ? null : mapTopTracksPage(body, 'artist.getTopTracks');
}

export async function fetchTrackTopTags(
  transport: LastfmTransport,
  track: LastfmTrackRef,
): Promise<LastfmTag[] | null> {
  const body = await readOrNull(transport, 'track.getTopTags', {
    artist: track.artist,
    track: track.title,
    autocorrect: 1,
  });
  return body === null ? null : mapTopTags(body, 'track.getTopTags');
}

export async function fetchArtistTopTags(
  transport: LastfmTransport,
  artist: string,
): Promise<LastfmTag[] | null> {
  const body = await readOrNull(transport, 'artist.getTopTags', { artist, autocorrect: 1 });
  return body === null ? null : mapTopTags(body, 'artist.getTopTags');
}

async function readOrNull(
  transport: LastfmTransport,
  method: string,
  params: LastfmParams,
): Promise<unknown> {
  try {
    return await transport.read(method, params);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
