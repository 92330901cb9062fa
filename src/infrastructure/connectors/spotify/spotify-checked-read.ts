// Reads that must be whole: what a Spotify answer that came back 200 but cannot be what was asked for
// looks like (cut short, an HTML page, a page with fewer items than its own total says are due), and
// the failure of a list whose whole pages do not add up. A partial list (a playlist, the saved tracks)
// must never pass for the whole one. Every offset-paged list is read through `readPage`
// (`SpotifyApi.pages` by default); the asking again is the HTTP client's (http/whole-answer.ts).
import { UpstreamError, upstreamCode } from '../../../application/ports/upstream-errors.js';
import type { SpotifyCall, SpotifyCaller } from './spotify-call.js';
import type { WirePage, WirePlaylist } from './spotify-wire.js';

const PLAYLIST_ID = /^[0-9A-Za-z]{1,64}$/;

/** One page of an offset-paged list, checked; `subject` names the list in messages. */
export async function readPage<T>(
  api: SpotifyCaller,
  call: SpotifyCall,
  subject: string,
): Promise<WirePage<T>> {
  const offset = requestedOffset(call);
  const whole = {
    problemOf: pageProblem,
    subject: `${subject}: the page at offset ${offset}`,
    details: { offset },
  };
  return (await api.call<WirePage<T>>({ ...call, whole })).body;
}

/** `GET /playlists/{id}`, checked: it must name the playlist (a valid id and a name). */
export async function readPlaylistHeader(
  api: SpotifyCaller,
  call: SpotifyCall,
  subject: string,
): Promise<WirePlaylist> {
  const whole = { problemOf: headerProblem, subject: `${subject}: its description (${call.endpoint})` };
  return (await api.call<WirePlaylist>({ ...call, whole })).body;
}

/** What is wrong with a page body, or null when it is a whole page. */
export function pageProblem(body: unknown): string | null {
  if (!isRecord(body)) return notAnObject(body);
  const { items, total, offset, limit } = body;
  if (!Array.isArray(items)) return 'no list of items';
  if (!isCount(total)) return 'no total';
  const start = isCount(offset) ? offset : 0;
  const due = Math.max(0, Math.min(isCount(limit) && limit > 0 ? limit : items.length, total - start));
  if (items.length < due) return `${items.length} items where ${due} were due`;
  return null;
}

/**
 * A list whose pages each came whole but which does not come to the total Spotify gave: cut short
 * on the way, or changed while it was read. `counted` says what was read against what was due.
 */
export function incompleteReadError(
  reason: 'LIST_READ_INCOMPLETE' | 'PLAYLIST_READ_INCOMPLETE',
  counted: string,
  details: Readonly<Record<string, unknown>>,
): UpstreamError {
  return new UpstreamError(
    'spotify',
    upstreamCode('spotify', reason),
    `${counted}; Narada does not go on with part of a ${reason === 'LIST_READ_INCOMPLETE' ? 'list' : 'playlist'}, run again`,
    'failure',
    { status: 200, retryable: true, details },
  );
}

function headerProblem(body: unknown): string | null {
  if (!isRecord(body)) return notAnObject(body);
  if (typeof body.id !== 'string' || !PLAYLIST_ID.test(body.id)) return 'no playlist id';
  if (typeof body.name !== 'string') return 'no playlist name';
  return null;
}

function notAnObject(body: unknown): string {
  if (body === null) return 'an empty body';
  if (typeof body === 'string' && /^\s*</.test(body)) return 'an HTML page instead of JSON';
  if (typeof body === 'string') return 'JSON cut short or damaged';
  return 'not a JSON object';
}

/** The offset a page request asks for: in its query, or in the `next` link it follows. */
function requestedOffset(call: SpotifyCall): number {
  const fromQuery = call.query?.offset;
  if (typeof fromQuery === 'number') return fromQuery;
  try {
    return Number(new URL(call.path).searchParams.get('offset') ?? 0) || 0;
  } catch {
    return 0;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
