// What an update of a playlist does, in words and numbers: the items it adds and removes, how many
// move, the write calls it makes (or would make, in a dry run) and whether a full replace was cheaper.
import type { PlaylistUpdatePlan } from '../../domain/playlist/playlist-diff.js';
import type { PlaylistOperation } from '../../domain/playlist/playlist-operation.js';

/** Lists of names are cut here in reports; the counts stay exact. */
const LISTED = 25;

export interface PlaylistChange {
  readonly strategy: 'differential' | 'replace' | 'append' | 'create';
  readonly before: number;
  readonly after: number;
  readonly kept: number;
  readonly added: number;
  readonly removed: number;
  readonly moved: number;
  /** Items deleted and added again (surplus copies of a URI), which lose their added_at. */
  readonly reAdded: number;
  /** Names of added and removed items (at most 25 each). */
  readonly addedItems: readonly string[];
  readonly removedItems: readonly string[];
  /** The write calls, one line each, e.g. `DELETE /playlists/{id}/items (3 items)`. */
  readonly calls: readonly string[];
  readonly writeCalls: number;
  /** Write calls of the other way: the full replace (which loses every added_at), or the differential update. */
  readonly alternativeWriteCalls: number | null;
  readonly cheaper: 'differential' | 'replace' | 'equal' | null;
}

export function describeOperation(operation: PlaylistOperation): string {
  switch (operation.kind) {
    case 'remove':
      return `DELETE /playlists/{id}/items (remove ${operation.uris.length})`;
    case 'add':
      return `POST /playlists/{id}/items (add ${operation.uris.length} at ${operation.position})`;
    case 'move':
      return `PUT /playlists/{id}/items (move ${operation.rangeLength} from ${operation.rangeStart} to before ${operation.insertBefore})`;
    case 'replace':
      return `PUT /playlists/{id}/items (replace with ${operation.uris.length})`;
  }
}

export function planChange(
  plan: PlaylistUpdatePlan,
  chosen: {
    readonly strategy: 'differential' | 'replace';
    readonly operations: readonly PlaylistOperation[];
  },
  names: {
    readonly current: readonly string[];
    readonly target: readonly string[];
    readonly label: (uri: string) => string;
  },
): PlaylistChange {
  const { counts } = plan;
  const currentUris = new Set(names.current);
  const targetUris = new Set(names.target);
  const replaced = chosen.strategy === 'replace';
  return {
    strategy: chosen.strategy,
    before: names.current.length,
    after: names.target.length,
    kept: replaced ? 0 : counts.kept,
    added: replaced ? names.target.length : counts.added,
    removed: replaced ? names.current.length : counts.removed,
    moved: replaced ? 0 : counts.moved,
    reAdded: replaced ? 0 : counts.reAdded,
    addedItems: listed(names.target.filter((uri) => !currentUris.has(uri)).map(names.label)),
    removedItems: listed(names.current.filter((uri) => !targetUris.has(uri)).map(names.label)),
    calls: chosen.operations.map(describeOperation),
    writeCalls: chosen.operations.length,
    alternativeWriteCalls: replaced ? plan.operations.length : plan.replace.writeCalls,
    cheaper: plan.cheaper,
  };
}

/** A change that only appends (or fills a new playlist): no removes, no moves. */
export function appendChange(
  strategy: 'append' | 'create',
  before: number,
  added: readonly string[],
  calls: readonly string[],
  label: (uri: string) => string,
): PlaylistChange {
  return {
    strategy,
    before,
    after: before + added.length,
    kept: before,
    added: added.length,
    removed: 0,
    moved: 0,
    reAdded: 0,
    addedItems: listed(added.map(label)),
    removedItems: [],
    calls,
    writeCalls: calls.length,
    alternativeWriteCalls: null,
    cheaper: null,
  };
}

function listed(items: readonly string[]): string[] {
  return items.length <= LISTED
    ? [...items]
    : [...items.slice(0, LISTED), `… and ${items.length - LISTED} more`];
}
