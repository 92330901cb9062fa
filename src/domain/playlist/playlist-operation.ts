// The write calls Spotify offers for a playlist's items, and a pure simulator of their semantics
// so a plan can be proven (in tests and dry runs) to turn the current playlist into the target.
import type { EpochMs } from '../values/time.js';

/** Spotify accepts at most 100 URIs per add, remove or replace call. */
export const MAX_ITEMS_PER_CALL = 100;

/** One playlist entry as the planner sees it: the item's URI and when it was added. */
export interface PlaylistEntry {
  readonly uri: string;
  readonly addedAt: EpochMs | null;
}

/** `DELETE /playlists/{id}/items`: removes every occurrence of each URI. */
export interface RemoveOperation {
  readonly kind: 'remove';
  readonly uris: readonly string[];
}

/** `POST /playlists/{id}/items`: inserts the URIs, in order, before index `position`. */
export interface AddOperation {
  readonly kind: 'add';
  readonly uris: readonly string[];
  readonly position: number;
}

/**
 * `PUT /playlists/{id}/items` (reorder): moves `rangeLength` items starting at `rangeStart` to
 * before index `insertBefore`, both counted in the playlist as it is before this move.
 */
export interface MoveOperation {
  readonly kind: 'move';
  readonly rangeStart: number;
  readonly rangeLength: number;
  readonly insertBefore: number;
}

/** `PUT /playlists/{id}/items?uris=` (replace): the playlist becomes exactly these URIs. */
export interface ReplaceOperation {
  readonly kind: 'replace';
  readonly uris: readonly string[];
}

/** What a differential update emits: it never replaces, so kept items keep their `added_at`. */
export type DifferentialOperation = RemoveOperation | AddOperation | MoveOperation;
export type PlaylistOperation = DifferentialOperation | ReplaceOperation;

/**
 * Applies `operations` to `current` as Spotify would and returns the resulting playlist. Entries
 * that survive are the very objects of `current` (so callers can prove which kept their
 * `added_at`); inserted ones are new entries stamped `addedAt`. An operation Spotify would refuse
 * (a batch over 100, a position or range outside the playlist) throws a RangeError.
 */
export function applyPlaylistOperations<T extends PlaylistEntry>(
  current: readonly T[],
  operations: readonly PlaylistOperation[],
  addedAt: EpochMs | null,
): (T | PlaylistEntry)[] {
  let items: (T | PlaylistEntry)[] = [...current];
  operations.forEach((operation, index) => {
    const fail = (reason: string): never => {
      throw new RangeError(`operation ${index} (${operation.kind}): ${reason}`);
    };
    switch (operation.kind) {
      case 'remove': {
        checkBatch(operation.uris.length, 1, fail);
        const removed = new Set(operation.uris);
        items = items.filter((item) => !removed.has(item.uri));
        break;
      }
      case 'add': {
        checkBatch(operation.uris.length, 1, fail);
        if (!isIndexWithin(operation.position, items.length)) fail(`position outside 0..${items.length}`);
        items.splice(operation.position, 0, ...operation.uris.map((uri) => ({ uri, addedAt })));
        break;
      }
      case 'move':
        items = applyMove(items, operation, fail);
        break;
      case 'replace':
        checkBatch(operation.uris.length, 0, fail);
        items = operation.uris.map((uri) => ({ uri, addedAt }));
        break;
    }
  });
  return items;
}

function applyMove<T>(items: T[], move: MoveOperation, fail: (reason: string) => never): T[] {
  const { rangeStart, rangeLength, insertBefore } = move;
  checkBatch(rangeLength, 1, fail);
  if (!isIndexWithin(rangeStart, items.length - rangeLength)) fail(`range outside 0..${items.length}`);
  if (!isIndexWithin(insertBefore, items.length)) fail(`insert_before outside 0..${items.length}`);
  if (insertBefore > rangeStart && insertBefore < rangeStart + rangeLength)
    fail('insert_before inside the range');
  const moved = items.slice(rangeStart, rangeStart + rangeLength);
  const rest = [...items.slice(0, rangeStart), ...items.slice(rangeStart + rangeLength)];
  const at = insertBefore > rangeStart ? insertBefore - rangeLength : insertBefore;
  rest.splice(at, 0, ...moved);
  return rest;
}

function checkBatch(size: number, min: number, fail: (reason: string) => never): void {
  if (size < min || size > MAX_ITEMS_PER_CALL)
    fail(`${size} items; Spotify takes ${min}..${MAX_ITEMS_PER_CALL}`);
}

function isIndexWithin(index: number, max: number): boolean {
  return Number.isInteger(index) && index >= 0 && index <= max;
}
