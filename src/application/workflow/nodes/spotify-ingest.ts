// Turns Spotify items a source read into the run's track list: the records become (or find) their
// internal tracks, and each track remembers which Spotify item it was read as.
import { connectorKey, type ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { ADDED_AT_METRIC } from '../../../domain/workflow/transforms/index.js';
import { trackList, type TrackList } from '../../../domain/workflow/track-list.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { NodeContext } from '../node-context.js';

export interface SpotifyItem {
  readonly uri: string;
  readonly record: ConnectorTrack;
  /** When the item was added to the playlist (or liked), kept as the `added_at` metric. */
  readonly addedAt?: EpochMs | null;
}

export async function ingestSpotifyItems(
  ctx: NodeContext,
  items: readonly SpotifyItem[],
  name: string | undefined,
): Promise<{ list: TrackList; created: number; linked: number }> {
  const result = await ctx.ingest(items.map((item) => item.record));
  const tracks: Track[] = [];
  const addedAt = new Map<TrackId, number>();
  for (const item of items) {
    const track = result.tracks.get(connectorKey(item.record.service, item.record.externalId));
    if (track === undefined) continue;
    ctx.state.links.record(track.id, item.uri);
    tracks.push(track);
    if (item.addedAt != null && !addedAt.has(track.id)) addedAt.set(track.id, item.addedAt);
  }
  const list = trackList(tracks, {
    ...(name === undefined ? {} : { name }),
    ...(addedAt.size === 0 ? {} : { metrics: new Map([[ADDED_AT_METRIC, addedAt]]) }),
  });
  return { list, created: result.created, linked: result.linked };
}

/** ReadOptions.onProgress for a read whose total is learnt from the first page. */
export function readProgress(ctx: NodeContext): (done: number, total: number | null) => void {
  let reported = 0;
  return (done, total) => {
    if (total !== null) ctx.progress.setTotal(total);
    ctx.progress.advance(done - reported);
    reported = done;
  };
}
