// The HTTP client for Spotify: the shared transport with Spotify's own reading of answers (every 429
// is waited out, 4xx become typed errors the connector re-maps with context).
import type { CallCounter } from '../http/call-counter.js';
import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import { defaultUserAgent } from '../http/user-agent.js';
import { classifySpotifyResponse } from './spotify-errors.js';

export interface SpotifyHttpOptions extends Omit<HttpClientOptions, 'service' | 'classify' | 'userAgent'> {
  /** The process-wide Spotify limiter (`adaptiveLimiter()`). */
  readonly limiter: RateLimiter;
  readonly calls: CallCounter;
  readonly userAgent?: string;
}

/** Build the one Spotify HttpClient of the process with this, so 401s and 429s are read right. */
export function createSpotifyHttpClient(options: SpotifyHttpOptions): HttpClient {
  return new HttpClient({
    ...options,
    service: 'spotify',
    userAgent: options.userAgent ?? defaultUserAgent(),
    classify: classifySpotifyResponse,
  });
}
