// aLike(): a Spotify saved track, unless overridden.
import type { Like } from '../../src/domain/likes/like.js';
import { BUILT_AT, externalIdFor, nextId } from './ids.js';

export function aLike(overrides: Partial<Like> = {}): Like {
  const n = nextId();
  const service = overrides.service ?? 'spotify';
  return Object.freeze({
    service,
    trackId: n,
    likedAt: BUILT_AT,
    externalId: externalIdFor(service, n),
    ...overrides,
  });
}
