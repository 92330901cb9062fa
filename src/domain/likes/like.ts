// A liked track on a service (Spotify saved track, Last.fm love).
import type { ServiceName } from '../shared/service.js';
import type { EpochMs } from '../values/time.js';
import type { TrackId } from '../track/track.js';

export interface Like {
  readonly service: ServiceName;
  readonly trackId: TrackId;
  readonly likedAt: EpochMs | null;
  /** The service's key for the liked record (Spotify track id, Last.fm artist/title key). */
  readonly externalId: string;
}
