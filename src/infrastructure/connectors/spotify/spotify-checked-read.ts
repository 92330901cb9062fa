// Reads that must be whole: a Spotify answer that came back 200 but cannot be what was asked for (cut
// short, an HTML page, a page with fewer items than its own total says are due) is asked for again a
// few times, then fails the read. A partial list (a playlist, the saved tracks) must never pass for the
// whole one. Every offset-paged list is read through `readPage` (`SpotifyApi.pages` by default).
import { UpstreamError, upstreamCode } from '../../../application/ports/upstream-errors.js';
import type { SpotifyCall, SpotifyCaller } from './spotify-call.js';
import type { WirePage, WirePlaylist } from './spotify-wire.js';

/**
 * Attempts at one answer, the first included. The HTTP layer already retried transport failures;
 * what is left is a body spoiled on the way, which the next request usually does not repeat.
 */
export const READ_ATTEMPTS = 3;

const PLAYLIST_ID = /^[0-9A-Za-z]{1,64}$/;

/** One page of an offset-paged list, checked; `subject` names the list in messages. */
export function readPage<T>(api: SpotifyCaller, call: SpotifyCall, subject: string): Promise<WirePage<T>> {
  return readChecked(api, call, pageProblem, (problem) =>
    unreadable(
      `${subject}: the page at offset ${requestedOffset(call)} came back unreadable ${READ_ATTEMPTS} times (${problem})`,
      call,
      { offset: requestedOffset(call) },
    ),
  ) as Promise<WirePage<T>>;
}

/** `GET /playlists/{id}`, checked: it must name the playlist (a valid id and a name). */
export function readPlaylistHeader(
  api: SpotifyCaller,
  call: SpotifyCall,
  subject: string,
): Promise<WirePlaylist> {
  return readChecked(api, call, headerProblem, (problem) =>
    unreadable(
      `${subject}: its description (${call.endpoint}) came back unreadable ${READ_ATTEMPTS} times (${problem})`,
      call,
      {},
    ),
  ) as Promise<WirePlaylist>;
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

function headerProblem(body: unknown): string | null {
  if (!isRecord(body)) return notAnObject(body);
  if (typeof body.id !== 'string' || !PLAYLIST_ID.test(body.id)) return 'no playlist id';
  if (typeof body.name !== 'string') return 'no playlist name';
  return null;
}

async function readChecked(
  api: SpotifyCaller,
  call: SpotifyCall,
  problemOf: (body: unknown) => string | null,
  failure: (problem: string) => UpstreamError,
): Promise<unknown> {
  let problem = '';
  for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
    const { body } = await api.call(call);
    const found = problemOf(body);
    if (found === null) return body;
    problem = found;
  }
  throw failure(problem);
}

function unreadable(message: string, call: SpotifyCall, details: Record<string, unknown>): UpstreamError {
  return new UpstreamError(
    'spotify',
    upstreamCode('spotify', 'UNREADABLE_ANSWER'),
    `${message}; Narada does not go on with part of a list, run again later`,
    'failure',
    {
      status: 200,
      retryable: true,
      details: { endpoint: call.endpoint, attempts: READ_ATTEMPTS, ...details },
    },
  );
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
