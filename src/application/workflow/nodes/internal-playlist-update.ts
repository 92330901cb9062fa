// The differential update of a playlist in Narada's database: the same plan as for Spotify (kept
// items keep their added_at), applied to the stored items in one save. Planning and saving are
// apart, so a destination can check every copy it writes before it writes any.
import type { Playlist, PlaylistItem } from '../../../domain/playlist/playlist.js';
import { planPlaylistUpdate } from '../../../domain/playlist/playlist-diff.js';
import { applyPlaylistOperations, type PlaylistEntry } from '../../../domain/playlist/playlist-operation.js';
import type { TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';
import { planChange } from '../../playlist/playlist-change.js';
import { wouldEmpty, type PlaylistWrite } from '../../playlist/playlist-write.js';
import { trackLabel } from './destination-targets.js';

interface StoredEntry extends PlaylistEntry {
  readonly addedBy: string | null;
}

export interface InternalUpdate {
  readonly write: PlaylistWrite;
  /** Tracks the playlist holds now. */
  readonly tracksBefore: number;
  readonly wouldEmpty: boolean;
  /** Saves the planned items; does nothing when the playlist already holds them. */
  apply(): Promise<void>;
}

const keyOf = (trackId: number): string => `track:${trackId}`;

export function planInternalUpdate(ctx: NodeContext, list: TrackList, playlist: Playlist): InternalUpdate {
  const current: StoredEntry[] = playlist.items.map((item) => ({
    uri: keyOf(item.trackId),
    addedAt: item.addedAt,
    addedBy: item.addedBy,
  }));
  const target = list.tracks.map((track) => keyOf(track.id));
  const plan = planPlaylistUpdate(current, target);
  const labels = new Map(list.tracks.map((track) => [keyOf(track.id), trackLabel(track)]));
  const label = (key: string): string => labels.get(key) ?? key.replace('track:', 'track ');
  const change = {
    ...planChange(
      plan,
      { strategy: 'differential', operations: plan.operations },
      { current: current.map((e) => e.uri), target, label },
    ),
    calls: plan.operations.length > 0 ? ['save in the local database'] : [],
    writeCalls: plan.operations.length > 0 ? 1 : 0,
    alternativeWriteCalls: null,
    cheaper: null,
  };
  return {
    write: { copy: 'narada', playlist: { id: playlist.id, name: playlist.name }, change },
    tracksBefore: current.length,
    wouldEmpty: wouldEmpty(current.length, target.length),
    async apply() {
      if (plan.operations.length === 0) return;
      const entries = applyPlaylistOperations(current, plan.operations, ctx.run.now);
      const items: PlaylistItem[] = entries.map((entry, position) => ({
        position,
        trackId: Number(entry.uri.slice('track:'.length)),
        addedAt: entry.addedAt,
        addedBy: 'addedBy' in entry ? (entry as StoredEntry).addedBy : null,
      }));
      await ctx.playlists.save({ ...playlist, items, updatedAt: ctx.run.now });
    },
  };
}
