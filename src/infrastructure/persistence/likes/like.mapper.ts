// Like ↔ `likes` row.
import type { Like } from '../../../domain/likes/like.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { LikeEntity } from './like.entity.js';

export function likeToDomain(row: LikeEntity): Like {
  return Object.freeze({
    // Written from a ServiceName by likeToRow.
    service: row.service as ServiceName,
    externalId: row.externalId,
    trackId: row.trackId,
    likedAt: row.likedAt,
  });
}

export function likeToRow(like: Like): LikeEntity {
  return {
    service: like.service,
    externalId: like.externalId,
    trackId: like.trackId,
    likedAt: like.likedAt,
  };
}
