import { describe, expect, it } from '@jest/globals';
import { choosePlaylistUpdate, planPlaylistUpdate } from '../../../src/domain/playlist/playlist-diff.js';
import { applyPlaylistOperations } from '../../../src/domain/playlist/playlist-operation.js';
import { expectSoundPlan } from './playlist-diff-checks.js';
import { entries, uri } from './playlist-generators.js';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => uri(from + i));

describe('planPlaylistUpdate', () => {
  it('plans nothing when the playlist already is the target', () => {
    const current = entries(range(0, 250));
    const plan = planPlaylistUpdate(current, range(0, 250));
    expect(plan.operations).toEqual([]);
    expect(plan.counts).toMatchObject({ kept: 250, added: 0, removed: 0, moved: 0, writeCalls: 0 });
    expect(plan.cheaper).toBe('differential');
  });

  it('fills an empty playlist in batches of 100 at their target positions', () => {
    const target = range(0, 250);
    const plan = planPlaylistUpdate([], target);
    expect(plan.operations).toEqual([
      { kind: 'add', uris: range(0, 100), position: 0 },
      { kind: 'add', uris: range(100, 200), position: 100 },
      { kind: 'add', uris: range(200, 250), position: 200 },
    ]);
    expectSoundPlan([], target, plan);
  });

  it('empties a playlist with one remove per 100 distinct URIs', () => {
    const current = entries([...range(0, 150), uri(3)]);
    const plan = planPlaylistUpdate(current, []);
    expect(plan.operations.map((op) => op.kind)).toEqual(['remove', 'remove']);
    expect(plan.counts).toMatchObject({ removed: 151, kept: 0, writeCalls: 2 });
    expectSoundPlan(current, [], plan);
  });

  it('appends new items without touching the kept ones', () => {
    const current = entries(range(0, 30));
    const plan = planPlaylistUpdate(current, range(0, 35));
    expect(plan.operations).toEqual([{ kind: 'add', uris: range(30, 35), position: 30 }]);
    expectSoundPlan(current, range(0, 35), plan);
  });

  it('moves the first item to the end in one call with insert_before = length', () => {
    const ten = range(0, 10);
    const plan = planPlaylistUpdate(entries(ten), [...ten.slice(1), ten[0]!]);
    expect(plan.operations).toEqual([{ kind: 'move', rangeStart: 0, rangeLength: 1, insertBefore: 10 }]);
  });

  it('moves the last item to the start in one call', () => {
    const ten = range(0, 10);
    const plan = planPlaylistUpdate(entries(ten), [ten[9]!, ...ten.slice(0, 9)]);
    expect(plan.operations).toEqual([{ kind: 'move', rangeStart: 9, rangeLength: 1, insertBefore: 0 }]);
  });

  it('moves a block that travels together as one range', () => {
    const current = entries(range(0, 10));
    const target = [...range(6, 10), ...range(0, 6)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.operations).toEqual([{ kind: 'move', rangeStart: 6, rangeLength: 4, insertBefore: 0 }]);
    expectSoundPlan(current, target, plan);
  });

  it('keeps added_at when only the order changes', () => {
    const current = entries(range(0, 40));
    const target = [...range(0, 40)].reverse();
    const plan = planPlaylistUpdate(current, target);
    expect(plan.counts).toMatchObject({ kept: 40, added: 0, removed: 0, moved: 39 });
    expectSoundPlan(current, target, plan);
  });

  it('removes all copies of a URI with surplus copies and re-adds the kept count', () => {
    const current = entries([uri(1), uri(2), uri(1), uri(3), uri(1)]);
    const target = [uri(2), uri(1), uri(3)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.reAddedUris).toEqual([uri(1)]);
    expect(plan.counts).toMatchObject({ kept: 2, removed: 3, added: 1, reAdded: 1 });
    expect(plan.operations).toEqual([
      { kind: 'remove', uris: [uri(1)] },
      { kind: 'add', uris: [uri(1)], position: 1 },
    ]);
    expectSoundPlan(current, target, plan);
  });

  it('keeps every copy of a repeated URI when the target has as many or more', () => {
    const current = entries([uri(1), uri(2), uri(1)]);
    const target = [uri(1), uri(1), uri(2), uri(1)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.counts).toMatchObject({ kept: 3, added: 1, reAdded: 0 });
    expectSoundPlan(current, target, plan);
  });

  it('lets repeated URIs stay wherever that saves a move', () => {
    // Pairing copies in order would give t1 the first target slot and force a move; pairing it
    // with the later copy leaves both items in place and only adds the first t1.
    const current = entries([uri(2), uri(1)]);
    const target = [uri(1), uri(2), uri(1)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.counts.moved).toBe(0);
    expect(plan.operations).toEqual([{ kind: 'add', uris: [uri(1)], position: 0 }]);
  });

  it('still reaches the target when a URI repeats thousands of times (copies pair up in order)', () => {
    const copies = Array.from({ length: 1500 }, () => uri(1));
    const current = entries([...copies, uri(2), uri(3)]);
    const target = [uri(3), ...copies, uri(2)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.operations).toEqual([{ kind: 'move', rangeStart: 1501, rangeLength: 1, insertBefore: 0 }]);
    expectSoundPlan(current, target, plan);
  });

  it('does removes, then moves, then adds', () => {
    const current = entries(range(0, 6));
    const target = [uri(5), uri(1), uri(9), uri(2), uri(3)];
    const plan = planPlaylistUpdate(current, target);
    expect(plan.operations.map((op) => op.kind)).toEqual(['remove', 'move', 'add']);
    expectSoundPlan(current, target, plan);
  });
});

describe('the full-replace alternative', () => {
  it('costs one PUT of the first 100 and one add per further 100', () => {
    expect(planPlaylistUpdate([], range(0, 100)).replace.writeCalls).toBe(1);
    expect(planPlaylistUpdate([], range(0, 101)).replace.writeCalls).toBe(2);
    expect(planPlaylistUpdate([], range(0, 350)).replace.writeCalls).toBe(4);
    expect(planPlaylistUpdate(entries(range(0, 5)), []).replace.writeCalls).toBe(1);
  });

  it('reproduces the target, losing every added_at', () => {
    const current = entries(range(0, 120));
    const target = range(60, 290);
    const plan = planPlaylistUpdate(current, target);
    const result = applyPlaylistOperations(current, plan.replace.operations, -1);
    expect(result.map((entry) => entry.uri)).toEqual(target);
    expect(result.every((entry) => entry.addedAt === -1)).toBe(true);
  });
});

describe('choosePlaylistUpdate', () => {
  // 200 reversed items: 199 moves against 2 replace calls.
  const current = entries(range(0, 200));
  const reversed = [...range(0, 200)].reverse();

  it('keeps the differential plan when losing added_at is not allowed, even if replace is cheaper', () => {
    const plan = planPlaylistUpdate(current, reversed);
    expect(plan.cheaper).toBe('replace');
    const choice = choosePlaylistUpdate(plan, { allowAddedAtLoss: false });
    expect(choice).toMatchObject({ strategy: 'differential', writeCalls: plan.counts.writeCalls });
  });

  it('replaces when that is cheaper and the caller accepts losing added_at', () => {
    const plan = planPlaylistUpdate(current, reversed);
    expect(choosePlaylistUpdate(plan, { allowAddedAtLoss: true })).toMatchObject({
      strategy: 'replace',
      writeCalls: 2,
    });
  });

  it('replaces when that is cheaper and no item would keep its added_at anyway', () => {
    const plan = planPlaylistUpdate(entries(range(0, 150)), range(500, 520));
    expect(plan.counts.kept).toBe(0);
    expect(choosePlaylistUpdate(plan, { allowAddedAtLoss: false }).strategy).toBe('replace');
  });

  it('keeps the differential plan when it is no dearer', () => {
    const plan = planPlaylistUpdate(current, range(0, 201));
    expect(choosePlaylistUpdate(plan, { allowAddedAtLoss: true })).toMatchObject({
      strategy: 'differential',
      writeCalls: 1,
    });
  });
});
