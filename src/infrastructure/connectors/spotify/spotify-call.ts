// One authorised Web API call as the Spotify connector describes it, and what can make one: kept
// apart from SpotifyApi so the checked reads it uses need not import it back.
import type { HttpMethod, HttpResponse } from '../http/http-message.js';
import type { WholeAnswer } from '../http/whole-answer.js';

export interface SpotifyCall {
  readonly method: HttpMethod;
  /** A path under the API base (`/me/tracks`) or an absolute URL (a `next` link). */
  readonly path: string;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly json?: unknown;
  /** Route label for call counting, e.g. `GET /playlists/{id}/items`. */
  readonly endpoint: string;
  /** Set by the checked reads (spotify-checked-read.ts): the answer is asked again until whole. */
  readonly whole?: WholeAnswer;
}

/** Whatever sends a SpotifyCall (SpotifyApi does, refreshing its token on the way). */
export interface SpotifyCaller {
  call<T = unknown>(call: SpotifyCall): Promise<HttpResponse<T>>;
}
