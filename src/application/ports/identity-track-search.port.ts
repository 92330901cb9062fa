// A person's search over local tracks ("teardrop massive"), for commands that take a track by name.
import type { Track } from '../../domain/track/track.js';

export interface TrackSearch {
  /** Best first; merged tracks are left out. */
  search(query: string, limit: number): Promise<Track[]>;
}
