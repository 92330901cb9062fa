// Which of a record's links counts when it has several: a pin wins, then the most confident, then the oldest track.
import type { TrackMapping } from '../../domain/track/track-mapping.js';

export function pickAcceptedMapping(mappings: readonly TrackMapping[]): TrackMapping | null {
  let best: TrackMapping | null = null;
  for (const mapping of mappings) {
    if (mapping.status !== 'accepted') continue;
    if (best === null || ranksAbove(mapping, best)) best = mapping;
  }
  return best;
}

function ranksAbove(a: TrackMapping, b: TrackMapping): boolean {
  if (a.pinned !== b.pinned) return a.pinned;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.trackId < b.trackId;
}
