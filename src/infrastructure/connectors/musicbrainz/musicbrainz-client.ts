// MusicBrainz WS/2 behind the MusicBrainzPort: many ids per request through the search API, single
// look-ups served from the response cache when it has them (MusicBrainz data changes slowly and calls
// cost a second each), searches always live.
import type {
  MusicBrainzPort,
  MusicBrainzRecording,
  MusicBrainzRelease,
  MusicBrainzReleaseGroup,
  RecordingSearch,
  RecordingSearchPage,
} from '../../../application/ports/musicbrainz.port.js';
import type { ResponseCache } from '../../../application/ports/response-cache.port.js';
import { NotFoundError } from '../../../application/ports/upstream-errors.js';
import type { Isrc } from '../../../domain/values/isrc.js';
import type { Mbid } from '../../../domain/values/mbid.js';
import type { HttpClient } from '../http/http-client.js';
import type { IdSearchField } from './lucene-query.js';
import { recordingQuery } from './lucene-query.js';
import { idQueries, PAGE_LIMIT } from './musicbrainz-batch-search.js';
import {
  mapRecording,
  mapRecordingSearch,
  mapRelease,
  mapReleaseGroup,
  mapReleaseGroupSearch,
} from './musicbrainz-mappers.js';

export interface MusicBrainzClientOptions {
  /** WS/2 base including `/ws/2` (MUSICBRAINZ_API_URL). */
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly cache: ResponseCache;
  /** Epoch ms, for the cache's fetchedAt and age. */
  readonly clock?: () => number;
  /** A cached look-up older than this is fetched again (edits do happen); default 30 days. */
  readonly cacheMaxAgeMs?: number;
}

const SERVICE = 'musicbrainz';
const DEFAULT_CACHE_MAX_AGE_MS = 30 * 24 * 3_600_000;
const SEARCH_LIMIT = { min: 1, max: 100, default: 25 } as const;

interface Lookup<T> {
  /** Path below the base, e.g. `recording/<mbid>`; also the cache key with `inc`. */
  readonly path: string;
  readonly endpoint: string;
  readonly inc: readonly string[];
  readonly map: (json: unknown) => T;
}

export class MusicBrainzClient implements MusicBrainzPort {
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly cacheMaxAgeMs: number;
  /** Concurrent look-ups of the same thing share one request instead of spending a second each. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: MusicBrainzClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.now = options.clock ?? Date.now;
    this.cacheMaxAgeMs = options.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
  }

  async recordingsByIsrcs(
    isrcs: readonly Isrc[],
  ): Promise<ReadonlyMap<string, readonly MusicBrainzRecording[]>> {
    const wanted = isrcs.map((isrc) => isrc.value);
    const found = await this.searchIds('recording', 'isrc', wanted, recordingsOfPage);
    return new Map(
      wanted.map((code) => [code, found.filter((r) => r.isrcs.some((isrc) => isrc.value === code))]),
    );
  }

  async recordingsByIds(ids: readonly Mbid[]): Promise<ReadonlyMap<string, MusicBrainzRecording>> {
    const found = await this.searchIds(
      'recording',
      'rid',
      ids.map((id) => id.value),
      recordingsOfPage,
    );
    return new Map(found.map((recording) => [recording.id.value, recording]));
  }

  async releaseGroupsByIds(ids: readonly Mbid[]): Promise<ReadonlyMap<string, MusicBrainzReleaseGroup>> {
    const found = await this.searchIds(
      'release-group',
      'rgid',
      ids.map((id) => id.value),
      (json) => {
        const page = mapReleaseGroupSearch(json);
        return { items: page.releaseGroups, count: page.count };
      },
    );
    return new Map(found.map((group) => [group.id.value, group]));
  }

  recording(id: Mbid): Promise<MusicBrainzRecording | null> {
    return this.lookup({
      path: `recording/${id.value}`,
      endpoint: 'GET /recording/{mbid}',
      inc: ['artist-credits', 'isrcs', 'releases', 'release-groups'],
      map: mapRecording,
    });
  }

  release(id: Mbid): Promise<MusicBrainzRelease | null> {
    return this.lookup({
      path: `release/${id.value}`,
      endpoint: 'GET /release/{mbid}',
      inc: ['artist-credits', 'release-groups'],
      map: mapRelease,
    });
  }

  releaseGroup(id: Mbid): Promise<MusicBrainzReleaseGroup | null> {
    return this.lookup({
      path: `release-group/${id.value}`,
      endpoint: 'GET /release-group/{mbid}',
      inc: ['artist-credits'],
      map: mapReleaseGroup,
    });
  }

  async searchRecordings(search: RecordingSearch): Promise<RecordingSearchPage> {
    const limit = Math.min(
      SEARCH_LIMIT.max,
      Math.max(SEARCH_LIMIT.min, Math.trunc(search.limit ?? SEARCH_LIMIT.default)),
    );
    const response = await this.options.http.request({
      method: 'GET',
      url: `${this.baseUrl}/recording`,
      query: {
        query: recordingQuery(search),
        limit,
        offset: Math.max(0, Math.trunc(search.offset ?? 0)),
        fmt: 'json',
      },
      endpoint: 'GET /recording?query',
    });
    return mapRecordingSearch(response.body);
  }

  /**
   * Every hit of `field:(A OR B …)` over all the ids: as few queries as MusicBrainz accepts, each
   * paged with `offset` while it matches more than a page (an ISRC may name several recordings).
   * Always live, like other searches.
   */
  private async searchIds<T>(
    resource: 'recording' | 'release-group',
    field: IdSearchField,
    values: readonly string[],
    read: (json: unknown) => { readonly items: readonly T[]; readonly count: number },
  ): Promise<T[]> {
    const found: T[] = [];
    for (const query of idQueries(field, values)) {
      for (let offset = 0; ;) {
        const response = await this.options.http.request({
          method: 'GET',
          url: `${this.baseUrl}/${resource}`,
          query: { query, limit: PAGE_LIMIT, offset, fmt: 'json' },
          endpoint: `GET /${resource}?query=${field}`,
        });
        const page = read(response.body);
        found.push(...page.items);
        offset += page.items.length;
        if (page.items.length === 0 || offset >= page.count) break;
      }
    }
    return found;
  }

  /** Cached answer if fresh, else one shared request; null when MusicBrainz has no such thing. */
  private async lookup<T>(lookup: Lookup<T>): Promise<T | null> {
    const key = `${lookup.path}?inc=${lookup.inc.join('+')}`;
    const cached = await this.fromCache(key);
    if (cached !== undefined) return lookup.map(cached);
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = this.fetchAndCache(key, lookup).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const json = await pending;
    return json === null ? null : lookup.map(json);
  }

  private async fromCache(key: string): Promise<unknown> {
    const entry = await this.options.cache.get(SERVICE, key);
    if (entry === null || this.now() - entry.fetchedAt > this.cacheMaxAgeMs) return undefined;
    try {
      return JSON.parse(entry.body) as unknown;
    } catch {
      return undefined;
    }
  }

  private async fetchAndCache<T>(key: string, lookup: Lookup<T>): Promise<unknown> {
    try {
      const response = await this.options.http.request({
        method: 'GET',
        url: `${this.baseUrl}/${lookup.path}`,
        query: { inc: lookup.inc.join('+'), fmt: 'json' },
        endpoint: lookup.endpoint,
      });
      // Map before storing, so an unreadable answer is reported now and never cached.
      lookup.map(response.body);
      await this.options.cache.put(SERVICE, key, JSON.stringify(response.body), this.now());
      return response.body;
    } catch (error) {
      // Misses are not cached: MusicBrainz grows, and tomorrow's look-up may find it.
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}

function recordingsOfPage(json: unknown): { items: MusicBrainzRecording[]; count: number } {
  const page = mapRecordingSearch(json);
  return { items: page.hits.map((hit) => hit.recording), count: page.count };
}
