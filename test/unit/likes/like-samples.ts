// Source likes and target likes for the likes sync tests.
import type { SourceLike, TargetLike } from '../../../src/domain/likes/source-like.js';

export function aLike(
  key: string,
  likedAt: number | null = 1_000,
  overrides: Partial<SourceLike> = {},
): SourceLike {
  return {
    key,
    likedAt,
    title: `Song ${key}`,
    artists: [`Artist ${key}`],
    album: null,
    durationMs: null,
    isrc: null,
    mbid: null,
    ...overrides,
  };
}

export function aTarget(key: string): TargetLike {
  return { key: `t-${key}`, artist: `Artist ${key}`, title: `Song ${key}` };
}
