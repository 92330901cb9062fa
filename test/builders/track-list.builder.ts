// aTrackList(): a workflow track list whose metrics and play history are written beside the tracks.
import type { Track, TrackId } from '../../src/domain/track/track.js';
import { type PlayStats, trackList, type TrackList } from '../../src/domain/workflow/track-list.js';

export interface TrackListExtras {
  /** Metric name → one value per track, in track order; `undefined` leaves that track without it. */
  readonly metrics?: Readonly<Record<string, readonly (number | undefined)[]>>;
  /** One entry per track, in track order; `undefined` leaves that track out of the history. */
  readonly playHistory?: readonly (PlayStats | undefined)[];
  readonly name?: string;
}

/** `aTrackList([a, b], { metrics: { total_plays: [3, undefined] } })`: a has 3 plays, b lacks the metric. */
export function aTrackList(tracks: readonly Track[] = [], extras: TrackListExtras = {}): TrackList {
  const byTrack = <T>(values: readonly (T | undefined)[]): Map<TrackId, T> =>
    new Map(
      tracks.flatMap((track, index) => {
        const value = values[index];
        return value === undefined ? [] : [[track.id, value] as const];
      }),
    );
  return trackList(tracks, {
    metrics: new Map(Object.entries(extras.metrics ?? {}).map(([name, values]) => [name, byTrack(values)])),
    ...(extras.playHistory && { playHistory: byTrack(extras.playHistory) }),
    ...(extras.name !== undefined && { name: extras.name }),
  });
}
