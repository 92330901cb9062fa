// A wire-faithful fake of the ListenBrainz API on 127.0.0.1: `GET /1/validate-token` and
// `POST /1/submit-listens` with `Authorization: Token <t>`, the server's payload checks and error
// messages (api.py, api_tools.validate_listen), its `{"code", "error"}` error body, the rate-limit
// headers on every answer and 429 past the window's requests, and faults for tests.
import { FakeHttpServer, type FakeRequest, type FakeResponse } from '../fake-http-server.js';

export const FAKE_LISTENBRAINZ_TOKEN = 'fake-listenbrainz-token-0001';
const MAX_LISTENS_PER_REQUEST = 1000;
const MAX_LISTEN_SIZE = 10240;
const RATE_LIMITED =
  'You have exceeded your rate limit. See the X-RateLimit-* response headers for more information on your current rate limit.';

export interface FakeListenBrainzOptions {
  /** Token → ListenBrainz user name; default one token for `fake-lb-user`. */
  readonly tokens?: Readonly<Record<string, string>>;
  /** Requests allowed per window (default 100) and the window's length in seconds (default 10). */
  readonly perWindow?: number;
  readonly windowSeconds?: number;
}

export interface ReceivedListen {
  readonly user: string;
  readonly listen: { listened_at: number; track_metadata: Record<string, unknown> };
}

export interface FakeListenBrainz {
  readonly url: string;
  readonly server: FakeHttpServer;
  /** Every listen accepted, in arrival order, duplicates included (the fake keeps what was sent). */
  readonly received: ReceivedListen[];
  /** Answer the next `count` submissions with 429 (Reset-In `resetInSeconds`), whatever the window. */
  rateLimitNext(count: number, resetInSeconds?: number): void;
  /** Answer submissions after the next `accepted` ones with 500 until cleared (a server going down). */
  failAfter(accepted: number | null): void;
  close(): Promise<void>;
}

const error = (status: number, message: string, headers: Record<string, string>): FakeResponse => ({
  status,
  body: { code: status, error: message },
  headers,
});

export async function startFakeListenBrainz(
  options: FakeListenBrainzOptions = {},
): Promise<FakeListenBrainz> {
  const tokens = options.tokens ?? { [FAKE_LISTENBRAINZ_TOKEN]: 'fake-lb-user' };
  const perWindow = options.perWindow ?? 100;
  const windowMs = (options.windowSeconds ?? 10) * 1000;
  const received: ReceivedListen[] = [];
  let windowStart = Date.now();
  let used = 0;
  let forced429 = 0;
  let forcedResetIn = 1;
  let acceptBeforeFailing: number | null = null;

  /** brainzutils' ratelimit headers: counted per window, sent on every answer. */
  const rateHeaders = (): { headers: Record<string, string>; exceeded: boolean } => {
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    const resetIn = Math.max(0, Math.ceil((windowStart + windowMs - now) / 1000));
    return {
      exceeded: used > perWindow,
      headers: {
        'X-RateLimit-Limit': String(perWindow),
        'X-RateLimit-Remaining': String(Math.max(0, perWindow - used)),
        'X-RateLimit-Reset-In': String(resetIn),
        'X-RateLimit-Reset': String(Math.ceil((windowStart + windowMs) / 1000)),
      },
    };
  };

  const userOf = (req: FakeRequest, headers: Record<string, string>): string | FakeResponse => {
    const auth = req.headers.authorization;
    if (auth === undefined || auth === '')
      return error(401, 'You need to provide an Authorization header.', headers);
    const token = auth.split(' ')[1];
    if (token === undefined) return error(401, 'Provided Authorization header is invalid.', headers);
    return tokens[token] ?? error(401, 'Invalid authorization token.', headers);
  };

  const server = new FakeHttpServer();
  server.route('GET', '/1/validate-token', (req) => {
    const { headers } = rateHeaders();
    const token = req.headers.authorization?.split(' ')[1] ?? req.query.get('token') ?? undefined;
    const user = token === undefined ? undefined : tokens[token];
    if (user === undefined)
      return { status: 200, headers, body: { code: 200, message: 'Token invalid.', valid: false } };
    return {
      status: 200,
      headers,
      body: { code: 200, message: 'Token valid.', valid: true, user_name: user },
    };
  });
  server.route('POST', '/1/submit-listens', (req) => {
    const { headers, exceeded } = rateHeaders();
    if (forced429 > 0) {
      forced429 -= 1;
      return error(429, RATE_LIMITED, {
        ...headers,
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset-In': String(forcedResetIn),
      });
    }
    if (exceeded) return error(429, RATE_LIMITED, headers);
    const user = userOf(req, headers);
    if (typeof user !== 'string') return user;
    if (acceptBeforeFailing !== null) {
      if (acceptBeforeFailing <= 0) return error(500, 'An unknown error occured.', headers);
      acceptBeforeFailing -= 1;
    }
    const data = req.body as { listen_type?: unknown; payload?: unknown } | null | undefined;
    if (data === undefined || data === null || typeof data !== 'object') {
      return error(400, 'Cannot parse JSON document: invalid JSON', headers);
    }
    const { payload, listen_type: listenType } = data;
    if (payload === undefined || listenType === undefined)
      return error(400, 'Invalid JSON document submitted.', headers);
    if (!Array.isArray(payload))
      return error(400, 'The payload in the JSON document should be a list of listens.', headers);
    if (payload.length <= 0) return error(400, 'JSON document does not contain any listens', headers);
    if (req.rawBody.length > payload.length * MAX_LISTEN_SIZE) {
      return error(
        400,
        `JSON document is too large. In aggregate, listens may not be larger than ${MAX_LISTEN_SIZE} characters.`,
        headers,
      );
    }
    if (!['playing_now', 'single', 'import'].includes(String(listenType))) {
      return error(400, 'JSON document requires a valid listen_type key.', headers);
    }
    if (listenType !== 'import' && payload.length > 1) {
      return error(
        400,
        'JSON document contains more than listen for a single/playing_now. It should contain only 1.',
        headers,
      );
    }
    if (payload.length > MAX_LISTENS_PER_REQUEST) {
      return error(
        400,
        `Too many listens. You may not submit more than ${MAX_LISTENS_PER_REQUEST} listens at once.`,
        headers,
      );
    }
    for (const listen of payload as Record<string, unknown>[]) {
      const problem = listenProblem(listen);
      if (problem !== null) return error(400, problem, headers);
    }
    for (const listen of payload as ReceivedListen['listen'][]) received.push({ user, listen });
    return { status: 200, headers, body: { status: 'ok' } };
  });
  const url = await server.listen();
  return {
    url,
    server,
    received,
    rateLimitNext(count, resetInSeconds = 1) {
      forced429 = count;
      forcedResetIn = resetInSeconds;
    },
    failAfter(accepted) {
      acceptBeforeFailing = accepted;
    },
    close: () => server.close(),
  };
}

/** api_tools.validate_listen for `single` and `import` listens: the checks and their messages. */
function listenProblem(listen: Record<string, unknown>): string | null {
  if (!('listened_at' in listen)) return 'JSON document must contain the key listened_at at the top level.';
  if (!Number.isInteger(listen.listened_at))
    return 'JSON document must contain an int value for listened_at.';
  if ('track_metadata' in listen && Object.keys(listen).length > 2) {
    return 'JSON document may only contain listened_at and track_metadata top level keys';
  }
  if ((listen.listened_at as number) > Date.now() / 1000 + 3600)
    return 'Value for key listened_at is too high.';
  const meta = listen.track_metadata as Record<string, unknown> | undefined;
  if (meta === undefined || !('track_name' in meta) || !('artist_name' in meta)) {
    return 'JSON document does not contain a valid metadata.track_name and/or track_metadata.artist_name.';
  }
  if (!meta.track_name) return 'JSON document does not contain required track_metadata.track_name.';
  if (!meta.artist_name) return 'JSON document does not contain required track_metadata.artist_name.';
  if (typeof meta.artist_name !== 'string') return 'artist_name must be a single string.';
  const info = (meta.additional_info ?? {}) as Record<string, unknown>;
  for (const key of ['release_mbid', 'recording_mbid', 'release_group_mbid', 'track_mbid']) {
    const mbid = info[key];
    if (mbid && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(mbid))) {
      return `${key} MBID format invalid.`;
    }
  }
  return null;
}
