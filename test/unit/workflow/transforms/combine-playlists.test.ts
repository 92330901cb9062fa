import { describe, expect, it } from '@jest/globals';
import type { TrackList } from '../../../../src/domain/workflow/track-list.js';
import {
  concatenatePlaylists,
  interleavePlaylists,
  mergePlaylists,
} from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, refusedParam, titlesOf } from './transform-test-kit.js';

const [a1, a2, a3] = named('a1', 'a2', 'a3');
const [b1] = named('b1');
const [c1, c2] = named('c1', 'c2');
const outputs = new Map<string, TrackList>([
  ['a', aTrackList([a1, a2, a3], { metrics: { plays: [1, 2, 3] }, name: 'A' })],
  ['b', aTrackList([b1], { metrics: { plays: [10] } })],
  ['c', aTrackList([c1, c2], { metrics: { listeners: [7, 8] } })],
  ['empty', aTrackList([])],
]);

describe('mergePlaylists', () => {
  it('joins the sources in the listed order, not the map order', () => {
    expect(titlesOf(mergePlaylists(outputs, { sources: ['c', 'a'] }))).toEqual([
      'c1',
      'c2',
      'a1',
      'a2',
      'a3',
    ]);
  });

  it('keeps duplicates (deduplication is its own node) and merges the metrics of every source', () => {
    const merged = mergePlaylists(outputs, { sources: ['a', 'c', 'a'] });
    expect(merged.tracks).toHaveLength(8);
    expect([merged.metrics.get('plays')?.get(a1.id), merged.metrics.get('listeners')?.get(c2.id)]).toEqual([
      1, 8,
    ]);
    expect(merged.name).toBeUndefined();
  });

  it('gives an empty list for no sources or empty sources', () => {
    expect(mergePlaylists(outputs, { sources: [] }).tracks).toEqual([]);
    expect(mergePlaylists(outputs, { sources: ['empty'] }).tracks).toEqual([]);
  });

  it('refuses a source that is not an upstream task, naming it and the upstream tasks', () => {
    expect(refusedParam(() => mergePlaylists(outputs, { sources: ['a', 'missing'] }))).toBe(
      'combiner.merge_playlists: sources names "missing", which is not an upstream task (upstream: "a", "b", "c", "empty")',
    );
  });
});

describe('concatenatePlaylists', () => {
  it('follows order, whatever order the upstream outputs arrive in', () => {
    expect(titlesOf(concatenatePlaylists(outputs, { order: ['b', 'c', 'a'] }))).toEqual([
      'b1',
      'c1',
      'c2',
      'a1',
      'a2',
      'a3',
    ]);
  });

  it('leaves out upstream outputs that order does not name', () => {
    expect(titlesOf(concatenatePlaylists(outputs, { order: ['b'] }))).toEqual(['b1']);
  });

  it('refuses an order entry that is not an upstream task', () => {
    expect(refusedParam(() => concatenatePlaylists(new Map(), { order: ['x'] }))).toBe(
      'combiner.concatenate_playlists: order names "x", which is not an upstream task (upstream: none)',
    );
  });
});

describe('interleavePlaylists', () => {
  it('takes one track from each source in turn until all are exhausted', () => {
    expect(titlesOf(interleavePlaylists(outputs, { sources: ['a', 'b', 'c'] }))).toEqual([
      'a1',
      'b1',
      'c1',
      'a2',
      'c2',
      'a3',
    ]);
  });

  it('starts each round with the first listed source', () => {
    expect(titlesOf(interleavePlaylists(outputs, { sources: ['c', 'empty', 'a'] }))).toEqual([
      'c1',
      'a1',
      'c2',
      'a2',
      'a3',
    ]);
  });

  it('returns a single source unchanged and no sources as an empty list', () => {
    expect(titlesOf(interleavePlaylists(outputs, { sources: ['a'] }))).toEqual(['a1', 'a2', 'a3']);
    expect(interleavePlaylists(outputs, { sources: [] }).tracks).toEqual([]);
  });

  it('merges the metrics of its sources', () => {
    const mixed = interleavePlaylists(outputs, { sources: ['b', 'a'] });
    expect([mixed.metrics.get('plays')?.get(b1.id), mixed.metrics.get('plays')?.get(a3.id)]).toEqual([10, 3]);
  });
});
