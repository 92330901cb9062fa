// Reads a long offset-paged Spotify list without waiting out one round trip per page: once the first
// page tells the total, the other pages are requested a few at a time and handed back in list order.
// Every page is read whole or not at all (spotify-checked-read.ts).
import type { SpotifyApi } from './spotify-api.js';
import type { SpotifyCall } from './spotify-call.js';
import { readPage } from './spotify-checked-read.js';
import type { WirePage } from './spotify-wire.js';

/** Page requests kept in flight; they share the HTTP client, so a 429 still pauses them all. */
const PAGES_IN_FLIGHT = 4;
/**
 * Fewer pages than this after the first are read one at a time: parallel requests would save only a
 * few round trips, and a sequential read meets an expiring token or a 429 with one request, not four.
 */
const PARALLEL_FROM_PAGES = 2 * PAGES_IN_FLIGHT;
/** More pages than any playlist has (10,000 entries); a larger total is not believed, just followed. */
const MAX_PLANNED_PAGES = 1_000;

/**
 * Every page from `first` on, in order. The first page's `next` link is requested as given; the pages
 * after it are that link with only `offset` moved on. A short list, or a link that is not
 * `offset`/`limit` paging, is followed one page at a time, as is anything past the total the first
 * page announced. `subject` names the list in the error a page that stays unreadable fails with.
 */
export async function* pagesInOrder<T>(
  api: SpotifyApi,
  first: SpotifyCall,
  subject: string,
  firstPage?: WirePage<T>,
): AsyncGenerator<WirePage<T>> {
  const read = (call: SpotifyCall) => readPage<T>(api, call, subject);
  const link = (path: string): SpotifyCall => ({ method: 'GET', path, endpoint: first.endpoint });
  const head = firstPage ?? (await read(first));
  const links = remainingLinks(head);
  if (links === null || links.length < PARALLEL_FROM_PAGES) {
    yield* api.pages(first, head, read);
    return;
  }
  yield head;
  let last = head;
  for await (const page of inOrder(
    links.map((path) => () => read(link(path))),
    PAGES_IN_FLIGHT,
  )) {
    yield page;
    last = page;
    // A page without `next` ends the list (it shrank while being read); later pages would be empty.
    if (nextLink(page) === null) return;
  }
  const grown = nextLink(last);
  if (grown !== null && !links.includes(grown)) {
    yield* api.pages<T>(link(grown), undefined, read);
  }
}

/** The links of the pages after `head`, or null when its `next` cannot be extrapolated. */
function remainingLinks(head: WirePage<unknown>): string[] | null {
  const next = nextLink(head);
  if (next === null) return [];
  const total = head.total;
  const url = parseUrl(next);
  if (url === null || typeof total !== 'number' || !Number.isSafeInteger(total)) return null;
  const start = Number(url.searchParams.get('offset'));
  const step = start - (head.offset ?? 0);
  if (!Number.isSafeInteger(start) || step <= 0 || Number(url.searchParams.get('limit')) !== step)
    return null;
  if ((total - start) / step > MAX_PLANNED_PAGES) return null;
  const links = [next];
  for (let offset = start + step; offset < total; offset += step) {
    url.searchParams.set('offset', String(offset));
    links.push(url.toString());
  }
  return links;
}

function nextLink(page: WirePage<unknown>): string | null {
  return typeof page.next === 'string' && page.next !== '' ? page.next : null;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Runs `tasks` at most `limit` at a time and yields their results in the tasks' order. */
async function* inOrder<T>(tasks: readonly (() => Promise<T>)[], limit: number): AsyncGenerator<T> {
  const running: Promise<T>[] = [];
  let started = 0;
  let failed = false;
  const fill = (): void => {
    while (!failed && running.length < limit && started < tasks.length) {
      const task = tasks[started++]!();
      // Its error is thrown when its turn comes; until then, stop starting more.
      task.catch(() => (failed = true));
      running.push(task);
    }
  };
  fill();
  while (running.length > 0) {
    const result = await running.shift()!;
    fill();
    yield result;
  }
}
