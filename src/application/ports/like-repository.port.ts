// Liked tracks per service (Spotify saved tracks, Last.fm loves).
import type { Like } from '../../domain/likes/like.js';
import type { ServiceName } from '../../domain/shared/service.js';

export interface LikeRepository {
  /** Inserts or replaces each like (keyed by service and external id), in one transaction. */
  upsertMany(likes: readonly Like[]): Promise<void>;
  /** The service's likes, newest first (unknown dates last). */
  list(service: ServiceName): Promise<Like[]>;
  /** Forgets one like; `false` when there was none. */
  remove(service: ServiceName, externalId: string): Promise<boolean>;
}
