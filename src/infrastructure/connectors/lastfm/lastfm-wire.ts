// Readers for Last.fm's JSON, which is converted from XML: numbers are strings, text may sit in
// `#text`, attributes in `@attr`, and a list of one may arrive as a bare object (or "" when empty).
import { expectedOnPage } from '../../../domain/history/lastfm-history-window.js';
import { NaradaError } from '../../../domain/shared/errors.js';

export type WireRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key`, or an empty one. */
export function recordAt(value: unknown, key: string): WireRecord {
  const inner = isRecord(value) ? value[key] : undefined;
  return isRecord(inner) ? inner : {};
}

/** A list that may be an array, a single object, or absent/empty text. */
export function listOf(value: unknown): WireRecord[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** A string, or the `#text` of an object; empty and whitespace-only text count as absent. */
export function textOf(value: unknown): string | null {
  const raw = isRecord(value) ? value['#text'] : value;
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
}

/** An artist as plain text, `{#text}` or the extended form `{name, mbid, url}`. */
export function nameOf(value: unknown): string | null {
  return isRecord(value) && typeof value.name === 'string' ? textOf(value.name) : textOf(value);
}

/** A count sent as a decimal string (or, rarely, a number). */
export function countOf(value: unknown): number | null {
  const raw = isRecord(value) ? value['#text'] : value;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || !/^\s*-?\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/** `"1"`/`"true"` and `"0"`/`"false"`; anything else is unknown. */
export function flagOf(value: unknown): boolean | null {
  const raw = typeof value === 'number' ? String(value) : value;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return null;
}

/** Unix seconds (as Last.fm sends them) to epoch ms. */
export function secondsToMs(value: unknown): number | null {
  const seconds = countOf(value);
  return seconds === null ? null : seconds * 1000;
}

/** Paging facts from an `@attr` object (or, in the old empty shape, the list object itself). */
export function pageInfoOf(
  attrs: WireRecord,
  itemCount: number,
): { page: number; perPage: number; totalPages: number; total: number } {
  const total = countOf(attrs.total) ?? itemCount;
  const perPage = countOf(attrs.perPage) ?? itemCount;
  // The old API echoed page 0 for the first page; pages are 1-based everywhere in Narada.
  const page = Math.max(1, countOf(attrs.page) ?? 1);
  const totalPages = countOf(attrs.totalPages) ?? (total === 0 ? 0 : page);
  return { page, perPage, totalPages, total };
}

/**
 * A paged list answer (`recenttracks`, `lovedtracks`): its entries mapped (nulls dropped) and its
 * paging facts. The old empty shape carries the paging facts on the list itself, not in `@attr`.
 * `mapItem` gets each entry's index among the list's objects, before any is dropped.
 */
export function mapPagedList<T>(
  body: unknown,
  listKey: string,
  method: string,
  mapItem: (entry: WireRecord, index: number) => T | null,
): { items: T[]; page: ReturnType<typeof pageInfoOf> } {
  const list = isRecord(body) ? body[listKey] : undefined;
  if (!isRecord(list)) throw unexpectedResponse(method, `no "${listKey}" object`);
  const items = listOf(list.track)
    .map((entry, index) => mapItem(entry, index))
    .filter((item): item is T => item !== null);
  const attrs = isRecord(list['@attr']) ? list['@attr'] : list;
  return { items, page: pageInfoOf(attrs, items.length) };
}

/** The entry Last.fm puts on top of an open-ended history request: the track playing now. */
export function isNowPlaying(track: WireRecord): boolean {
  return flagOf(recordAt(track, '@attr').nowplaying) === true;
}

const PAGED_LISTS = ['recenttracks', 'lovedtracks'];

/**
 * The paging facts of a paged list answer that has no entry on a page its own paging says holds
 * some; null for any other body. Last.fm sends such pages now and then (HTTP 200, empty `track`):
 * read as they are, the page's scrobbles or loves would silently be missing.
 */
export function emptyPageOf(body: unknown): ReturnType<typeof pageInfoOf> | null {
  if (!isRecord(body)) return null;
  const key = PAGED_LISTS.find((name) => isRecord(body[name]));
  if (key === undefined) return null;
  const list = body[key] as WireRecord;
  if (listOf(list.track).some((entry) => !isNowPlaying(entry))) return null;
  const info = pageInfoOf(isRecord(list['@attr']) ? list['@attr'] : list, 0);
  return expectedOnPage(info.total, info.perPage, info.page) > 0 ? info : null;
}

export function unexpectedResponse(method: string, detail: string): NaradaError {
  return new NaradaError(
    'LASTFM.UNEXPECTED_RESPONSE',
    `Last.fm answered ${method} with a response Narada does not understand (${detail}); try again later, and report it if it persists`,
    'failure',
    { retryable: false, details: { method } },
  );
}
