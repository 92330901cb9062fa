import { describe, expect, it } from '@jest/globals';
import { limitTracks } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, refusedParam, titlesOf } from './transform-test-kit.js';

const titles = Array.from({ length: 20 }, (_, i) => `T${String(i).padStart(2, '0')}`);
const list = aTrackList(named(...titles), { name: 'Twenty' });

describe('limitTracks', () => {
  it('keeps the first count tracks by default', () => {
    expect(titlesOf(limitTracks(list, { count: 3 }))).toEqual(['T00', 'T01', 'T02']);
    expect(titlesOf(limitTracks(list, { count: 3, method: 'first' }))).toEqual(['T00', 'T01', 'T02']);
  });

  it('with method last keeps the tail, in order', () => {
    expect(titlesOf(limitTracks(list, { count: 3, method: 'last' }))).toEqual(['T17', 'T18', 'T19']);
  });

  it.each(['first', 'last', 'random'] as const)('with count 0 keeps nothing (method %s)', (method) => {
    const params = method === 'random' ? { count: 0, method, seed: 1 } : { count: 0, method };
    expect(limitTracks(list, params).tracks).toEqual([]);
  });

  it.each(['first', 'last', 'random'] as const)(
    'with count above the length keeps everything (method %s)',
    (method) => {
      const params = method === 'random' ? { count: 99, method, seed: 1 } : { count: 99, method };
      expect(titlesOf(limitTracks(list, params))).toEqual(titles);
    },
  );

  it('with method random keeps count distinct tracks in their input order', () => {
    const sampled = titlesOf(limitTracks(list, { count: 8, method: 'random', seed: 42 }));
    expect(sampled).toHaveLength(8);
    expect(new Set(sampled).size).toBe(8);
    expect(sampled).toEqual([...sampled].sort());
    expect(sampled.every((title) => titles.includes(title))).toBe(true);
  });

  it('samples the same tracks for the same seed, and other tracks for other seeds', () => {
    const sample = (seed: number) => titlesOf(limitTracks(list, { count: 5, method: 'random', seed }));
    expect(sample(7)).toEqual(sample(7));
    const distinct = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sample(seed).join()));
    expect(distinct.size).toBeGreaterThan(4);
  });

  it('reaches every position when sampling one track across seeds', () => {
    const picked = new Set(
      Array.from(
        { length: 400 },
        (_, seed) => titlesOf(limitTracks(list, { count: 1, method: 'random', seed }))[0],
      ),
    );
    expect(picked.size).toBe(20);
  });

  it('keeps the name and leaves the input alone', () => {
    const limited = limitTracks(list, { count: 2, method: 'last' });
    expect(limited.name).toBe('Twenty');
    expect(list.tracks).toHaveLength(20);
  });

  it('limits an empty list to an empty list', () => {
    expect(limitTracks(aTrackList([]), { count: 5, method: 'random', seed: 3 }).tracks).toEqual([]);
  });

  it.each([
    [{ count: -1 }, 'selector.limit_tracks: count must be a whole number of 0 or more, got -1'],
    [{ count: 2.5 }, 'selector.limit_tracks: count must be a whole number of 0 or more, got 2.5'],
    [
      { count: 2, method: 'random' as const, seed: 0.5 },
      'selector.limit_tracks: seed must be a whole number, got 0.5',
    ],
  ])('refuses %j, naming the key', (params, message) => {
    expect(refusedParam(() => limitTracks(list, params))).toBe(message);
  });

  it('refuses an unknown method that reached it without a schema', () => {
    const untyped = JSON.parse('{ "count": 2, "method": "shuffle" }') as { count: number };
    expect(refusedParam(() => limitTracks(list, untyped))).toBe(
      'selector.limit_tracks: method must be first, last or random, got shuffle',
    );
  });
});
