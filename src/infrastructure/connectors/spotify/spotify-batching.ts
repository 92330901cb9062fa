// Spotify's per-request limits and splitting work to fit them.

/** URIs per playlist add, remove or replace request. */
export const PLAYLIST_WRITE_LIMIT = 100;
/** URIs per `PUT`/`DELETE /me/library` request (2026). */
export const LIBRARY_WRITE_LIMIT = 40;
/** Page sizes: playlist items, the user's lists, search results for a development-mode app. */
export const PLAYLIST_ITEMS_PAGE = 100;
export const USER_LIST_PAGE = 50;
export const SEARCH_LIMIT = 10;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
