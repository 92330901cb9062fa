import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_LIKES_SYNC_STATE,
  readLikesSyncState,
  writeLikesSyncState,
  type LikesSyncState,
} from '../../../src/domain/likes/likes-sync-state.js';
import { aLike, aTarget } from './like-samples.js';

describe('the likes sync state in its checkpoint', () => {
  it('survives a round trip through the checkpoint', () => {
    const state: LikesSyncState = {
      cursor: 1_735_689_600_000,
      synced: { a: aTarget('a') },
      failed: [{ like: aLike('f'), reason: 'timeout' }],
      unmatched: [],
      review: [{ like: aLike('r'), reason: 'doubtful', candidate: aTarget('r'), confidence: 72 }],
    };
    const stored = JSON.parse(JSON.stringify(writeLikesSyncState(state))) as ReturnType<
      typeof writeLikesSyncState
    >;
    expect(stored.cursor).toBe('1735689600000');
    expect(readLikesSyncState(stored.cursor, stored.state)).toEqual(state);
  });

  it('starts over (a full, safe read) from a state it cannot read', () => {
    expect(readLikesSyncState('123', { synced: 'broken' })).toEqual(EMPTY_LIKES_SYNC_STATE);
    expect(readLikesSyncState('not a number', { synced: {}, failed: [], unmatched: [], review: [] })).toEqual(
      EMPTY_LIKES_SYNC_STATE,
    );
    expect(readLikesSyncState(null, {})).toEqual(EMPTY_LIKES_SYNC_STATE);
  });
});
