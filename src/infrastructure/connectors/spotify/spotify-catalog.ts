// Catalogue look-ups: one `GET /tracks/{id}` per track (development-mode apps have no batch look-up)
// and track search, which Spotify caps at 10 results per page since 2026.
import type { ReadOptions, SpotifyTrackQuery } from '../../../application/ports/spotify.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { SpotifyApi } from './spotify-api.js';
import { SEARCH_LIMIT } from './spotify-batching.js';
import { upstreamStatus } from './spotify-errors.js';
import { mapSearchTracks } from './spotify-library-mapper.js';
import { trackUri } from './spotify-library.js';
import { mapTrack } from './spotify-track-mapper.js';
import type { WireSearchResult, WireTrack } from './spotify-wire.js';

/** Look-ups in flight at once: enough to hide latency, few enough to stay clear of the rolling limit. */
const LOOKUP_CONCURRENCY = 4;

export class SpotifyCatalog {
  constructor(
    private readonly api: SpotifyApi,
    private readonly now: () => EpochMs,
  ) {}

  async getTrack(trackId: string): Promise<ConnectorTrack | null> {
    trackUri(trackId);
    try {
      const wire = await this.api.json<WireTrack>({
        method: 'GET',
        path: `/tracks/${trackId}`,
        endpoint: 'GET /tracks/{id}',
      });
      return mapTrack(wire, this.now());
    } catch (error) {
      if (upstreamStatus(error) === 404) return null;
      throw error;
    }
  }

  async getTracks(
    trackIds: readonly string[],
    options: ReadOptions = {},
  ): Promise<Map<string, ConnectorTrack>> {
    const ids = [...new Set(trackIds)];
    ids.forEach(trackUri);
    const found = new Map<string, ConnectorTrack>();
    let nextIndex = 0;
    let done = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      // After one failure the others stop too: the caller gets that error, not more requests.
      while (nextIndex < ids.length && !failed) {
        const id = ids[nextIndex++]!;
        try {
          const track = await this.getTrack(id);
          if (track !== null) found.set(id, track);
        } catch (error) {
          failed = true;
          throw error;
        }
        options.onProgress?.(++done, ids.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, ids.length) }, worker));
    // Results in the order asked, whatever order the look-ups finished in.
    return new Map(ids.filter((id) => found.has(id)).map((id) => [id, found.get(id)!]));
  }

  async search(query: SpotifyTrackQuery, limit = SEARCH_LIMIT): Promise<ConnectorTrack[]> {
    const q = buildSearchQuery(query);
    const wire = await this.api.json<WireSearchResult>({
      method: 'GET',
      path: '/search',
      query: { q, type: 'track', limit: Math.max(1, Math.min(SEARCH_LIMIT, Math.floor(limit))) },
      endpoint: 'GET /search',
    });
    return mapSearchTracks(wire, this.now());
  }
}

/** `isrc:USRC17607839`, `track:"Mr. Brightside" artist:"The Killers"`: Spotify's field filters. */
export function buildSearchQuery(query: SpotifyTrackQuery): string {
  const parts: string[] = [];
  const field = (name: string, value: string | undefined): void => {
    const clean = (value ?? '').replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
    if (clean === '') return;
    parts.push(/\s/.test(clean) ? `${name}:"${clean}"` : `${name}:${clean}`);
  };
  const text = (query.text ?? '').replace(/\s+/g, ' ').trim();
  if (text !== '') parts.push(text);
  field('isrc', query.isrc?.replace(/[-\s]/g, '').toUpperCase());
  field('track', query.title);
  field('artist', query.artist);
  field('album', query.album);
  if (parts.length === 0) {
    throw new InvalidInputError(
      'SPOTIFY.EMPTY_SEARCH',
      'A Spotify search needs an ISRC, a title, an artist, an album or text',
    );
  }
  return parts.join(' ');
}
