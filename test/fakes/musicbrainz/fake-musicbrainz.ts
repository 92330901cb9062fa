// A wire-compatible fake of MusicBrainz WS/2 on 127.0.0.1: look-ups and recording search over a
// seedable catalog, and the real service's rules (User-Agent required, 1 request/second or 503).
import {
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  type LoggedRequest,
} from '../fake-http-server.js';
import { LuceneSyntaxError, parseLucene, scoreQuery, type LuceneQuery } from './fake-lucene.js';
import { MusicBrainzCatalog, type CatalogRecording } from './musicbrainz-catalog.js';
import {
  SEARCH_INCLUDES,
  recordingJson,
  releaseGroupJson,
  releaseJson,
  type Includes,
} from './musicbrainz-wire-json.js';

// Bodies as in test/fixtures/musicbrainz/error-*.json (kept inline so the built bench runs anywhere).
const HELP = 'For usage, please see: https://musicbrainz.org/development/mmd';
export const NOT_FOUND_BODY = { error: 'Not Found', help: HELP };
export const FORBIDDEN_BODY = { error: 'You are not authorized to access this resource.', help: HELP };
export const RATE_LIMITED_BODY = {
  error:
    'Your requests are exceeding the allowable rate limit. Please see http://wiki.musicbrainz.org/XMLWebService for more information.',
};

const RATE_WINDOW_MS = 1000;
/** nginx's default request-line buffer in front of musicbrainz.org; longer URLs get 414. */
export const MAX_URL_BYTES = 8192;
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;
const ALLOWED_INCLUDES: Readonly<Record<string, readonly string[]>> = {
  isrc: ['artists', 'artist-credits', 'releases', 'isrcs', 'release-groups'],
  recording: ['artists', 'artist-credits', 'isrcs', 'releases', 'release-groups', 'aliases', 'tags'],
  release: ['artists', 'artist-credits', 'release-groups', 'recordings', 'labels', 'aliases', 'tags'],
  'release-group': ['artists', 'artist-credits', 'releases', 'aliases', 'tags'],
};

export interface FakeMusicBrainzOptions {
  readonly catalog?: MusicBrainzCatalog;
  /** Answer 503 when requests come faster than 1 per second (default true, as the real service). */
  readonly enforceRateLimit?: boolean;
}

export interface FakeMusicBrainz {
  /** Base URL including `/ws/2`. */
  readonly url: string;
  readonly catalog: MusicBrainzCatalog;
  readonly requests: readonly LoggedRequest[];
  /** The next `count` requests get `status` (503 with the rate-limit body, 404 with the not-found body, …). */
  failNext(count: number, status: number, headers?: Readonly<Record<string, string>>): void;
  /** Most requests that arrived within any `windowMs` span (1 means the 1/s rule was never broken). */
  maxRequestsInAnyWindow(windowMs?: number): number;
  close(): Promise<void>;
}

export async function startFakeMusicBrainz(options: FakeMusicBrainzOptions = {}): Promise<FakeMusicBrainz> {
  const catalog = options.catalog ?? new MusicBrainzCatalog();
  const enforceRateLimit = options.enforceRateLimit ?? true;
  const server = new FakeHttpServer();
  const arrivals: number[] = [];
  const faults: Array<{ status: number; headers: Readonly<Record<string, string>> }> = [];

  server.before = (req) => {
    const previous = arrivals.at(-1);
    arrivals.push(req.receivedAt);
    const fault = faults.shift();
    if (fault) return { status: fault.status, body: faultBody(fault.status), headers: fault.headers };
    // The real service refuses anonymous and generic clients; it wants `App/version ( contact )`.
    if (!/\S+\/\S+/.test(String(req.headers['user-agent'] ?? '')))
      return { status: 403, body: FORBIDDEN_BODY };
    // Every arrival counts, refused ones too, as at MusicBrainz: hammering keeps you locked out.
    if (enforceRateLimit && previous !== undefined && req.receivedAt - previous < RATE_WINDOW_MS) {
      return { status: 503, body: RATE_LIMITED_BODY };
    }
    if (req.path.length + 1 + req.query.toString().length > MAX_URL_BYTES) {
      return { status: 414, body: '<html><head><title>414 Request-URI Too Large</title></head></html>' };
    }
    if (req.query.get('fmt') !== 'json' && !String(req.headers.accept ?? '').includes('application/json')) {
      return { status: 400, body: { error: 'This fake speaks JSON only: send fmt=json', help: HELP } };
    }
    return null;
  };

  server
    .route('GET', '/ws/2/isrc/{isrc}', (req) => {
      const isrc = req.params.isrc ?? '';
      if (!ISRC.test(isrc)) return { status: 400, body: { error: 'Invalid isrc.', help: HELP } };
      return withIncludes(req, 'isrc', (inc) => {
        const recordings = catalog.recordingsWithIsrc(isrc);
        if (recordings.length === 0) return { status: 404, body: NOT_FOUND_BODY };
        return {
          status: 200,
          body: { isrc, recordings: recordings.map((r) => recordingJson(catalog, r, inc)) },
        };
      });
    })
    .route('GET', '/ws/2/recording/{mbid}', (req) =>
      lookup(req, 'recording', (id, inc) => {
        const recording = catalog.recordings.get(id);
        return recording && recordingJson(catalog, recording, inc);
      }),
    )
    .route('GET', '/ws/2/release/{mbid}', (req) =>
      lookup(req, 'release', (id, inc) => {
        const release = catalog.releases.get(id);
        return release && releaseJson(catalog, release, inc);
      }),
    )
    .route('GET', '/ws/2/release-group/{mbid}', (req) =>
      lookup(req, 'release-group', (id, inc) => {
        const group = catalog.releaseGroups.get(id);
        return group && releaseGroupJson(catalog, group, inc);
      }),
    )
    .route('GET', '/ws/2/recording', (req) => searchRecordings(catalog, req))
    .route('GET', '/ws/2/release-group', (req) => searchReleaseGroups(catalog, req));

  const origin = await server.listen();
  return {
    url: `${origin}/ws/2`,
    catalog,
    requests: server.requests,
    failNext(count, status, headers = {}) {
      for (let n = 0; n < count; n++) faults.push({ status, headers });
    },
    maxRequestsInAnyWindow: (windowMs = RATE_WINDOW_MS) => maxInWindow(arrivals, windowMs),
    close: () => server.close(),
  };
}

function lookup(
  req: FakeRequest,
  resource: string,
  find: (id: string, inc: Includes) => Record<string, unknown> | undefined,
): FakeResponse {
  const id = req.params.mbid ?? '';
  if (!MBID.test(id)) return { status: 400, body: { error: 'Invalid mbid.', help: HELP } };
  return withIncludes(req, resource, (inc) => {
    const body = find(id, inc);
    return body ? { status: 200, body } : { status: 404, body: NOT_FOUND_BODY };
  });
}

/** `inc` as MusicBrainz reads it: `+`- or space-separated, each one valid for the resource. */
function withIncludes(
  req: FakeRequest,
  resource: string,
  answer: (inc: Includes) => FakeResponse,
): FakeResponse {
  const inc = (req.query.get('inc') ?? '').split(/[+ ]/).filter((name) => name !== '');
  const invalid = inc.find((name) => !(ALLOWED_INCLUDES[resource] ?? []).includes(name));
  if (invalid !== undefined) {
    return {
      status: 400,
      body: { error: `${invalid} is not a valid inc parameter for the ${resource} resource.`, help: HELP },
    };
  }
  return answer(new Set(inc));
}

/** The search parameters as MusicBrainz checks them: a parsable query, limit 1–100 (default 25). */
function searchRequest(
  req: FakeRequest,
): { query: LuceneQuery; limit: number; offset: number } | FakeResponse {
  const text = req.query.get('query') ?? '';
  if (text.trim() === '') return { status: 400, body: { error: 'You must specify a query', help: HELP } };
  const limit = clamp(Number(req.query.get('limit') ?? 25), 1, 100, 25);
  const offset = clamp(Number(req.query.get('offset') ?? 0), 0, Number.MAX_SAFE_INTEGER, 0);
  try {
    return { query: parseLucene(text), limit, offset };
  } catch (error) {
    if (!(error instanceof LuceneSyntaxError)) throw error;
    return { status: 400, body: { error: `Invalid query: ${error.message}`, help: HELP } };
  }
}

/** Best score first, then by title: the order pages are cut from. */
function ranked<T extends { readonly title: string }>(
  items: Iterable<T>,
  score: (item: T) => number,
): Array<{ item: T; score: number }> {
  return [...items]
    .map((item) => ({ item, score: score(item) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title));
}

function searchRecordings(catalog: MusicBrainzCatalog, req: FakeRequest): FakeResponse {
  const search = searchRequest(req);
  if ('status' in search) return search;
  const { query, limit, offset } = search;
  const hits = ranked(catalog.recordings.values(), (recording) =>
    scoreQuery(query, (field) => fieldValues(catalog, recording, field)),
  );
  return {
    status: 200,
    body: {
      created: new Date(req.receivedAt).toISOString(),
      count: hits.length,
      offset,
      recordings: hits
        .slice(offset, offset + limit)
        .map((hit) => ({ score: hit.score, ...recordingJson(catalog, hit.item, SEARCH_INCLUDES) })),
    },
  };
}

/** The release-group index: `rgid`, `releasegroup` (title) and `artist`. */
function searchReleaseGroups(catalog: MusicBrainzCatalog, req: FakeRequest): FakeResponse {
  const search = searchRequest(req);
  if ('status' in search) return search;
  const { query, limit, offset } = search;
  const hits = ranked(catalog.releaseGroups.values(), (group) =>
    scoreQuery(query, (field) => {
      if (field === 'rgid') return [group.id];
      if (field === 'releasegroup' || field === 'recording') return [group.title];
      if (field === 'artist') return group.credits.map((c) => c.name);
      return [];
    }),
  );
  return {
    status: 200,
    body: {
      created: new Date(req.receivedAt).toISOString(),
      count: hits.length,
      offset,
      'release-groups': hits
        .slice(offset, offset + limit)
        .map((hit) => ({ score: hit.score, ...releaseGroupJson(catalog, hit.item, RELEASE_GROUP_HIT) })),
    },
  };
}

const RELEASE_GROUP_HIT: Includes = new Set(['artist-credits']);

/** What each search field of the recording index holds for a recording. */
function fieldValues(catalog: MusicBrainzCatalog, recording: CatalogRecording, field: string): string[] {
  const releases = () => catalog.releasesOf(recording);
  switch (field) {
    case 'recording':
      return [recording.title];
    case 'artist':
    case 'artistname':
      return recording.credits.flatMap((c) => [c.name, catalog.artists.get(c.artistId)?.name ?? c.name]);
    case 'arid':
      return recording.credits.map((c) => c.artistId);
    case 'isrc':
      return [...recording.isrcs];
    case 'release':
      return releases().map((r) => r.title);
    case 'reid':
      return releases().map((r) => r.id);
    case 'rid':
      return [recording.id];
    default:
      return [];
  }
}

function faultBody(status: number): unknown {
  if (status === 503) return RATE_LIMITED_BODY;
  if (status === 404) return NOT_FOUND_BODY;
  if (status === 403) return FORBIDDEN_BODY;
  return { error: `Injected failure (HTTP ${status})`, help: HELP };
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : fallback;
}

/** Sliding window over arrival times: the most arrivals within [t, t + windowMs) for any t. */
function maxInWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
