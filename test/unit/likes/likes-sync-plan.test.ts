import { describe, expect, it } from '@jest/globals';
import {
  countLikesSync,
  nextLikesSyncState,
  planLikesSync,
  type LikesSyncInput,
} from '../../../src/domain/likes/likes-sync-plan.js';
import { EMPTY_LIKES_SYNC_STATE, type LikesSyncState } from '../../../src/domain/likes/likes-sync-state.js';
import type { LikeOutcome } from '../../../src/domain/likes/source-like.js';
import { aLike, aTarget } from './like-samples.js';

function input(overrides: Partial<LikesSyncInput> = {}): LikesSyncInput {
  return { read: [], complete: false, state: EMPTY_LIKES_SYNC_STATE, mirror: false, ...overrides };
}

function state(overrides: Partial<LikesSyncState>): LikesSyncState {
  return { ...EMPTY_LIKES_SYNC_STATE, ...overrides };
}

describe('planning a likes sync', () => {
  it('looks up only likes not synced before, each once', () => {
    const plan = planLikesSync(
      input({ read: [aLike('a'), aLike('b'), aLike('a')], state: state({ synced: { b: aTarget('b') } }) }),
    );
    expect(plan.candidates.map((l) => l.key)).toEqual(['a']);
    expect(plan.alreadySynced.map((l) => l.key)).toEqual(['b']);
  });

  it('retries earlier failures even when the source does not list them again', () => {
    const failed = [{ like: aLike('old', 10), reason: 'Last.fm is not answering' }];
    const plan = planLikesSync(input({ read: [aLike('new')], state: state({ failed }) }));
    expect(plan.candidates.map((l) => l.key)).toEqual(['new', 'old']);
  });

  it('does not look up again what had no match, nor what waits for review (that is re-checked)', () => {
    const review = [{ like: aLike('r'), reason: 'doubtful', candidate: aTarget('r'), confidence: 70 }];
    const plan = planLikesSync(
      input({
        read: [aLike('u'), aLike('r')],
        state: state({ unmatched: [{ like: aLike('u'), reason: 'unknown' }], review }),
      }),
    );
    expect(plan.candidates).toEqual([]);
    expect(plan.reviews.map((r) => r.like.key)).toEqual(['r']);
  });

  it('removes with --mirror only likes gone from a complete read of the source', () => {
    const synced = { a: aTarget('a'), b: aTarget('b') };
    const incomplete = planLikesSync(input({ read: [aLike('a')], state: state({ synced }), mirror: true }));
    expect(incomplete.removals).toEqual([]);
    const complete = planLikesSync(
      input({ read: [aLike('a')], complete: true, state: state({ synced }), mirror: true }),
    );
    expect(complete.removals).toEqual([{ sourceKey: 'b', target: aTarget('b') }]);
    const adding = planLikesSync(input({ read: [aLike('a')], complete: true, state: state({ synced }) }));
    expect(adding.removals).toEqual([]);
  });

  it('forgets failures of likes gone from a complete read', () => {
    const failed = [{ like: aLike('gone'), reason: 'x' }];
    expect(planLikesSync(input({ complete: true, state: state({ failed }) })).candidates).toEqual([]);
  });
});

describe('the state after a run', () => {
  const outcomes: LikeOutcome[] = [
    { kind: 'written', like: aLike('w', 3_000), target: aTarget('w') },
    { kind: 'present', like: aLike('p', 2_000), target: aTarget('p') },
    { kind: 'failed', issue: { like: aLike('f', 1_500), reason: 'timeout' } },
    { kind: 'unmatched', issue: { like: aLike('u', 1_000), reason: 'unknown' } },
    {
      kind: 'review',
      review: { like: aLike('r', 900), reason: 'doubtful', candidate: aTarget('r'), confidence: 70 },
    },
  ];

  it('records synced likes, keeps failures for retry, and moves the cursor to the newest like read', () => {
    const run = input({
      read: outcomes.map((o) =>
        o.kind === 'written' || o.kind === 'present'
          ? o.like
          : o.kind === 'review'
            ? o.review.like
            : o.issue.like,
      ),
      state: state({ cursor: 500 }),
    });
    const next = nextLikesSyncState({ input: run, outcomes, removed: [] });
    expect(Object.keys(next.synced).sort()).toEqual(['p', 'w']);
    expect(next.failed.map((i) => i.like.key)).toEqual(['f']);
    expect(next.unmatched.map((i) => i.like.key)).toEqual(['u']);
    expect(next.review.map((r) => r.like.key)).toEqual(['r']);
    expect(next.cursor).toBe(3_000);
  });

  it('never moves the cursor back, and forgets likes --mirror removed', () => {
    const next = nextLikesSyncState({
      input: input({
        read: [aLike('x', 10)],
        state: state({ cursor: 5_000, synced: { gone: aTarget('gone') } }),
      }),
      outcomes: [],
      removed: ['gone'],
    });
    expect(next.cursor).toBe(5_000);
    expect(next.synced).toEqual({});
  });

  it('counts likes synced earlier as already present', () => {
    const plan = planLikesSync(
      input({ read: [aLike('a'), aLike('b')], state: state({ synced: { a: aTarget('a') } }) }),
    );
    const counts = countLikesSync(plan, {
      input: input({ read: [aLike('a'), aLike('b')] }),
      outcomes: [{ kind: 'present', like: aLike('b'), target: aTarget('b') }],
      removed: [],
    });
    expect(counts).toEqual({
      read: 2,
      alreadyPresent: 2,
      written: 0,
      review: 0,
      unmatched: 0,
      failed: 0,
      removed: 0,
    });
  });
});
